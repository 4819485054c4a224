package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ClaimStage;
import java.time.Duration;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How many claims are in each stage, as counters keyed {@code mall|stage} that every stored change moves, so the gauges
 * read a few small documents instead of counting claims. A counter is moved right after the claim's write: a crash
 * between the two leaves it off by one until {@link #rebuild} runs (at a start that finds no counters).
 */
@Component
class ClaimStageCounts {

    static final String COLLECTION = "claim_stage_counts";
    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

    private final ReactiveMongoTemplate mongo;

    ClaimStageCounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A claim left one stage and entered another; {@code from} is null for a new claim. */
    Mono<Void> moved(String mallId, ClaimStage from, ClaimStage to) {
        if (from == to) {
            return Mono.empty();
        }
        Mono<Void> leave = from == null ? Mono.empty() : add(mallId, from, -1);
        return leave.then(add(mallId, to, 1));
    }

    Flux<Document> all() {
        return mongo.findAll(Document.class, COLLECTION);
    }

    /** Counts the stored claims once and replaces the counters: the one full scan, for a new or repaired store. */
    Mono<Long> rebuild() {
        var group = Aggregation.newAggregation(Aggregation.group("mallId", "stage").count().as("n"));
        return mongo.remove(new Query(), COLLECTION)
                .thenMany(mongo.aggregate(group, "claims", Document.class))
                .concatMap(row -> {
                    Document id = (Document) row.get("_id");
                    String stage = id.getString("stage");
                    // Claims stored before the stages existed are in the first stage.
                    return add(id.getString("mallId"), stage == null ? ClaimStage.IMMEDIATE_ACTION : ClaimStage.valueOf(stage),
                            ((Number) row.get("n")).longValue());
                })
                .count();
    }

    Mono<Boolean> isEmpty() {
        return mongo.findOne(new Query().limit(1), Document.class, COLLECTION).map(found -> false).defaultIfEmpty(true);
    }

    private Mono<Void> add(String mallId, ClaimStage stage, long delta) {
        var update = new Update().inc("n", delta).set("mallId", mallId).set("stage", stage.name());
        return mongo.upsert(Query.query(Criteria.where("_id").is(mallId + "|" + stage.name())), update, COLLECTION).then();
    }
}
