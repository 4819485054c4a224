package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.survey.settings.KnownMalls;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The latest callback statistics callback-service published per mall, month and department, keyed
 * {@code <mall>|<YYYY-MM>|<department or *>}. A later event (by its event time) replaces an earlier one; an older
 * one arriving late changes nothing.
 */
@Service
public class CallbackStatistics {

    private static final String WHOLE_MALL = "*";

    private final ReactiveMongoTemplate mongo;
    private final KnownMalls malls;

    CallbackStatistics(ReactiveMongoTemplate mongo, KnownMalls malls) {
        this.mongo = mongo;
        this.malls = malls;
    }

    @Document("callback_stats")
    record StoredStats(@Id String id, String mallId, String month, String department, Instant eventTime,
                       CallbackStatsUpdated figures) {
    }

    Mono<Void> keep(IncomingEvent event, CallbackStatsUpdated stats) {
        if (stats.month() == null) {
            return Mono.empty();
        }
        String key = key(event.mallId(), stats.month(), stats.department());
        var newerOrNew = Query.query(Criteria.where("_id").is(key).orOperator(
                Criteria.where("eventTime").lte(event.time()), Criteria.where("eventTime").exists(false)));
        var update = new Update().set("mallId", event.mallId()).set("month", stats.month())
                .set("department", stats.department()).set("eventTime", event.time()).set("figures", stats);
        return mongo.upsert(newerOrNew, update, StoredStats.class)
                .flatMap(result -> result.getUpsertedId() != null ? malls.remember(event.mallId()) : Mono.empty())
                .onErrorResume(DuplicateKeyException.class, newerStored -> Mono.empty())
                .then();
    }

    /** @param department null for the whole mall */
    public Mono<CallbackFigures> month(String mallId, YearMonth month, String department) {
        return mongo.findById(key(mallId, month.toString(), department), StoredStats.class)
                .map(s -> CallbackFigures.of(s.figures(), s.eventTime()))
                .defaultIfEmpty(CallbackFigures.none(department));
    }

    /** The whole malls' figures, each of its month ({@code mall → month}): one read for them all. */
    public Mono<Map<String, CallbackFigures>> months(Map<String, YearMonth> monthOfMall) {
        Map<String, String> mallOfKey = new HashMap<>();
        monthOfMall.forEach((mallId, month) -> mallOfKey.put(key(mallId, month.toString(), null), mallId));
        return mongo.find(Query.query(Criteria.where("_id").in(mallOfKey.keySet())), StoredStats.class)
                .collectMap(stored -> mallOfKey.get(stored.id()), s -> CallbackFigures.of(s.figures(), s.eventTime()))
                .map(found -> {
                    Map<String, CallbackFigures> byMall = new HashMap<>(found);
                    monthOfMall.keySet().forEach(mallId -> byMall.putIfAbsent(mallId, CallbackFigures.none(null)));
                    return byMall;
                });
    }

    static String key(String mallId, String month, String department) {
        return mallId + "|" + month + "|" + (department == null ? WHOLE_MALL : department);
    }
}
