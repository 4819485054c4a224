package com.mallservicedesk.dispatch.metrics;

import com.mallservicedesk.platform.store.StateCounters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/**
 * How many work orders are in each state, as the kit's {@link StateCounters} keyed
 * {@code mall|department|kind|status|overdue}, so the gauges read a handful of small documents instead of counting
 * the orders. {@link #rebuild} repairs them (at a start that finds no counters, or by an operator).
 */
@Component
public class WorkOrderCounts {

    static final String COLLECTION = "work_order_counts";
    static final List<String> OPEN = List.of("UNASSIGNED", "ASSIGNED", "ACCEPTED", "DELAYED");
    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

    private final StateCounters counters;

    WorkOrderCounts(ReactiveMongoTemplate mongo) {
        this.counters = StateCounters.in(mongo, COLLECTION);
    }

    public record State(String mallId, String department, String kind, String status, boolean overdue) {
        public Map<String, Object> labels() {
            Map<String, Object> labels = new LinkedHashMap<>();
            labels.put("mallId", mallId);
            labels.put("department", department);
            labels.put("kind", kind);
            labels.put("status", status);
            labels.put("overdue", overdue);
            return labels;
        }
    }

    /** What the work-order store counts its orders in: every write stores the move it causes, the relay applies it. */
    public StateCounters counters() {
        return counters;
    }

    Flux<Document> all() {
        return counters.all();
    }

    /** Counts the stored orders once and replaces the counters. */
    public Mono<Long> rebuild() {
        return counters.rebuild("work_orders", id -> new State(id.getString("mallId"), id.getString("department"),
                        id.getString("kind"), id.getString("status"), Boolean.TRUE.equals(id.getBoolean("overdue"))).labels(),
                "mallId", "department", "kind", "status", "overdue");
    }

    Mono<Boolean> isEmpty() {
        return counters.isEmpty();
    }
}
