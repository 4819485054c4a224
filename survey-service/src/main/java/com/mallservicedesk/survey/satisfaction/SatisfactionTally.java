package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Counts callback answers per mall and month. */
@Service
class SatisfactionTally {

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final ZoneId zone;

    SatisfactionTally(ReactiveMongoTemplate mongo, JsonMapper json, MeterRegistry meters, @Value("${survey.zone}") ZoneId zone) {
        this.mongo = mongo;
        this.json = json;
        this.meters = meters;
        this.zone = zone;
    }

    Mono<Void> count(IncomingEvent event) {
        CallbackAnswered answer = event.dataAs(json, CallbackAnswered.class);
        String month = YearMonth.from(answer.completedAt().atZone(zone)).toString();
        var record = new CallbackSatisfaction(answer.callbackId(), event.mallId(), month, answer.requestId(),
                answer.kind(), answer.department(), answer.satisfied(), answer.completedAt());
        return mongo.insert(record)
                .doOnSuccess(stored -> meters.counter("msd.survey.callback.answers", "mall", event.mallId(),
                        "satisfied", String.valueOf(answer.satisfied())).increment())
                .then()
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
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
