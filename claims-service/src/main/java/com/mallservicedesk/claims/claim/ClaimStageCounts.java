package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.store.StateCounters;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/**
 * How many claims are in each stage, as the kit's {@link StateCounters} keyed {@code mall|stage}, so the gauges and
 * the dashboard ({@link #of}) read a few small documents instead of counting claims. {@link #rebuild} repairs them (at
 * a start that finds no counters).
 */
@Component
class ClaimStageCounts {

    static final String COLLECTION = "claim_stage_counts";
    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

    private final StateCounters counters;

    ClaimStageCounts(ReactiveMongoTemplate mongo) {
        this.counters = StateCounters.in(mongo, COLLECTION);
    }

    /** What the claim store counts its claims in: every write stores the move it causes, the relay applies it. */
    StateCounters counters() {
        return counters;
    }

    static Map<String, Object> labels(Claim claim) {
        return labels(claim.getMallId(), claim.getStage());
    }

    Flux<Document> all() {
        return counters.all();
    }

    /**
     * How many of the mall's claims are in each stage, every stage in order (0 where no counter exists yet): its
     * counters read by key, one {@code _id} per stage, never a scan of the counters or the claims. A few milliseconds
     * behind the claims, like the gauges.
     */
    Mono<Map<ClaimStage, Long>> of(String mallId) {
        return counters.of(Arrays.stream(ClaimStage.values()).map(stage -> labels(mallId, stage)).toList())
                .collect(ClaimStageCounts::none, (counts, row) ->
                        counts.put(ClaimStage.valueOf(row.getString("stage")), ((Number) row.get("n")).longValue()));
    }

    private static Map<ClaimStage, Long> none() {
        Map<ClaimStage, Long> counts = new EnumMap<>(ClaimStage.class);
        for (ClaimStage stage : ClaimStage.values()) {
            counts.put(stage, 0L);
        }
        return counts;
    }

    /** Counts the stored claims once and replaces the counters. */
    Mono<Long> rebuild() {
        // Claims stored before the stages existed are in the first stage.
        return counters.rebuild("claims", id -> labels(id.getString("mallId"), id.getString("stage") == null
                ? ClaimStage.IMMEDIATE_ACTION : ClaimStage.valueOf(id.getString("stage"))), "mallId", "stage");
    }

    Mono<Boolean> isEmpty() {
        return counters.isEmpty();
    }

    private static Map<String, Object> labels(String mallId, ClaimStage stage) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("mallId", mallId);
        labels.put("stage", stage.name());
        return labels;
    }
}
