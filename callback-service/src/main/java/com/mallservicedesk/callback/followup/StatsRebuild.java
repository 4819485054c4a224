package com.mallservicedesk.callback.followup;

import com.mallservicedesk.callback.stats.CallbackStats;
import com.mallservicedesk.callback.stats.Tally;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts a month's figures again from its callbacks (a query by mall and month, on request only) and stores them:
 * the repair for figures that missed a change because the service stopped between the two writes.
 */
@Component
class StatsRebuild {

    record Rebuilt(String mallId, String month, long callbacks) {
    }

    private final ReactiveMongoTemplate mongo;
    private final CallbackStats stats;

    StatsRebuild(ReactiveMongoTemplate mongo, CallbackStats stats) {
        this.mongo = mongo;
        this.stats = stats;
    }

    Mono<Rebuilt> rebuild(String mallId, YearMonth month) {
        var query = Query.query(Criteria.where("mallId").is(mallId).and("month").is(month.toString()));
        Map<String, Tally> byDepartment = new TreeMap<>();
        long[] seen = {0};
        return mongo.find(query, Callback.class)
                .doOnNext(c -> {
                    seen[0]++;
                    byDepartment.merge(c.getDepartment() == null ? "" : c.getDepartment(), CallbackFigures.of(c), Tally::plus);
                })
                .then(Mono.defer(() -> stats.replace(mallId, month.toString(), byDepartment)))
                .then(Mono.fromSupplier(() -> new Rebuilt(mallId, month.toString(), seen[0])));
    }
}
