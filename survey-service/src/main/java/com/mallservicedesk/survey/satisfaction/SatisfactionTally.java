package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Counts callback answers per mall and month. */
@Service
class SatisfactionTally {

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;
    private final ZoneId zone;

    SatisfactionTally(ReactiveMongoTemplate mongo, MeterRegistry meters, @Value("${survey.zone}") ZoneId zone) {
        this.mongo = mongo;
        this.meters = meters;
        this.zone = zone;
    }

    /** One record per answered callback (its id), so a redelivered answer is counted once. */
    Mono<Void> count(IncomingEvent event, CallbackAnswered answer) {
        String month = YearMonth.from(answer.completedAt().atZone(zone)).toString();
        var record = new CallbackSatisfaction(answer.callbackId(), event.mallId(), month, answer.requestId(),
                answer.kind(), answer.department(), answer.satisfied(), answer.completedAt());
        return InsertOnce.into(mongo, record)
                .doOnNext(stored -> meters.counter("msd.survey.callback.answers", "mall", event.mallId(),
                        "satisfied", String.valueOf(answer.satisfied())).increment())
                .then();
    }

    Mono<MonthlySatisfaction> month(String mallId, YearMonth month) {
        var inMonth = Criteria.where("mallId").is(mallId).and("month").is(month.toString());
        return Mono.zip(
                        mongo.count(Query.query(inMonth), CallbackSatisfaction.class),
                        mongo.count(Query.query(Criteria.where("mallId").is(mallId).and("month").is(month.toString())
                                .and("satisfied").is(true)), CallbackSatisfaction.class))
                .map(counts -> MonthlySatisfaction.of(mallId, month.toString(), counts.getT1(), counts.getT2()));
    }
}
