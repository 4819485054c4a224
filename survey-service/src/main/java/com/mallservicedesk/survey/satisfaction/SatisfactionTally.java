package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.IncrementsOnce;
import com.mallservicedesk.platform.store.IncrementsOnce.Increment;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.survey.formula.SatisfactionFormulas;
import com.mallservicedesk.survey.settings.KnownMalls;
import com.mallservicedesk.survey.settings.MallSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts callback answers per mall and month (in the mall's time zone) into figures kept by key
 * ({@code <mall>|<YYYY-MM>}, and {@code …|<department>}), so a month is one read, never a scan of the answers.
 */
@Service
public class SatisfactionTally {

    static final String MONTHS = "callback_satisfaction_months";

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;
    private final MallSettings settings;
    private final KnownMalls malls;
    private final IncrementsOnce increments;

    SatisfactionTally(ReactiveMongoTemplate mongo, MeterRegistry meters, MallSettings settings, KnownMalls malls,
                      IncrementsOnce increments) {
        this.mongo = mongo;
        this.increments = increments;
        this.meters = meters;
        this.settings = settings;
        this.malls = malls;
    }

    /**
     * One record per answered callback (its id): the figures move before it is stored and only while it is not
     * ({@link IncrementsOnce}: a kill between the two neither loses nor doubles the answer).
     */
    Mono<Void> count(IncomingEvent event, CallbackAnswered answer) {
        var answered = Stream.of(answer.timeliness(), answer.attitude(), answer.quality())
                .filter(java.util.Objects::nonNull).toList();
        int satisfiedItems = (int) answered.stream().filter(CallbackAnswered::satisfiedLevel).count();
        return settings.zoneOf(event.mallId()).flatMap(zone -> {
            String month = YearMonth.from(answer.completedAt().atZone(zone)).toString();
            var record = new CallbackSatisfaction(answer.callbackId(), event.mallId(), month, answer.requestId(),
                    answer.kind(), answer.department(), answer.satisfied(), satisfiedItems, answered.size(),
                    answer.completedAt());
            List<Increment> figures = new ArrayList<>();
            figures.add(increment(event.mallId(), month, null, answer, satisfiedItems, answered.size()));
            if (answer.department() != null) {
                figures.add(increment(event.mallId(), month, answer.department(), answer, satisfiedItems,
                        answered.size()));
            }
            return mongo.exists(Query.query(Criteria.where("_id").is(answer.callbackId())), CallbackSatisfaction.class)
                    .flatMap(counted -> counted ? Mono.<Void>empty() : increments.count(event.id(), figures,
                            outcomes -> outcomes.get(0) == IncrementsOnce.Outcome.ADDED ? Mono.<Void>empty()
                                    : malls.remember(event.mallId()),
                            InsertOnce.into(mongo, record).doOnSuccess(stored -> meters.counter(
                                    "msd.survey.callback.answers", "mall", event.mallId(),
                                    "satisfied", String.valueOf(answer.satisfied())).increment())));
        });
    }

    /** The answer into the mall's month, or into one department's ({@code department} not null). */
    private static Increment increment(String mallId, String month, String department, CallbackAnswered answer,
                                       int satisfiedItems, int surveyedItems) {
        Double respondent = SatisfactionFormulas.respondent(satisfiedItems, surveyedItems);
        var update = new Update().setOnInsert("mallId", mallId).setOnInsert("month", month)
                .setOnInsert("department", department)
                .inc("callbacks", 1)
                .inc("allSatisfied", answer.satisfied() ? 1 : 0)
                .inc("respondentSatisfactionSum", respondent == null ? 0.0 : respondent)
                .inc("satisfiedItems", satisfiedItems)
                .inc("surveyedItems", surveyedItems);
        String[] ratings = {answer.timeliness(), answer.attitude(), answer.quality()};
        for (int i = 0; i < ratings.length; i++) {
            if (ratings[i] != null) {
                update.inc("aspects." + MonthlySatisfaction.ASPECTS[i] + ".answered", 1)
                        .inc("aspects." + MonthlySatisfaction.ASPECTS[i] + ".satisfied",
                                CallbackAnswered.satisfiedLevel(ratings[i]) ? 1 : 0);
            }
        }
        return new Increment(MONTHS, key(mallId, month, department), update);
    }

    /** The whole mall's callback satisfaction of the month: one read by key. */
    public Mono<MonthlySatisfaction> month(String mallId, YearMonth month) {
        return figures(mallId, month, null);
    }

    /** The whole malls' callback satisfaction, each of its month ({@code mall → month}): one read for them all. */
    public Mono<Map<String, MonthlySatisfaction>> months(Map<String, YearMonth> monthOfMall) {
        Map<String, String> mallOfKey = new HashMap<>();
        monthOfMall.forEach((mallId, month) -> mallOfKey.put(key(mallId, month.toString(), null), mallId));
        return mongo.find(Query.query(Criteria.where("_id").in(mallOfKey.keySet())), Document.class, MONTHS)
                .collectMap(found -> mallOfKey.get(found.getString("_id")))
                .map(found -> {
                    Map<String, MonthlySatisfaction> byMall = new HashMap<>();
                    monthOfMall.forEach((mallId, month) -> byMall.put(mallId,
                            MonthlySatisfaction.from(mallId, month.toString(), found.get(mallId))));
                    return byMall;
                });
    }

    public Mono<MonthlySatisfaction> month(String mallId, YearMonth month, String department) {
        return figures(mallId, month, department);
    }

    private Mono<MonthlySatisfaction> figures(String mallId, YearMonth month, String department) {
        return mongo.findById(key(mallId, month.toString(), department), Document.class, MONTHS)
                .map(d -> MonthlySatisfaction.from(mallId, month.toString(), d))
                .defaultIfEmpty(MonthlySatisfaction.from(mallId, month.toString(), null));
    }

    static String key(String mallId, String month, String department) {
        return department == null ? mallId + "|" + month : mallId + "|" + month + "|" + department;
    }
}
