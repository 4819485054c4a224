package com.mallservicedesk.dispatch.metrics;

import java.time.Duration;
import java.util.List;
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
 * How many work orders are in each state, kept as counters by key ({@code mall|department|kind|status|overdue}) that
 * every change moves, so the gauges read a handful of small documents instead of counting the orders. A counter is
 * moved right after the order's write: a crash between the two leaves it off by one until {@link #rebuild} runs
 * (at a start that finds no counters, or by an operator).
 */
@Component
public class WorkOrderCounts {

    static final String COLLECTION = "work_order_counts";

    private final ReactiveMongoTemplate mongo;

    WorkOrderCounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record State(String mallId, String department, String kind, String status, boolean overdue) {
        String key() {
            return String.join("|", mallId, tag(department), tag(kind), status, Boolean.toString(overdue));
        }
    }

    /** An order left one state and entered another; {@code from} is null for a new order. */
    public Mono<Void> moved(State from, State to) {
        if (to.equals(from)) {
            return Mono.empty();
        }
        Mono<Void> leave = from == null ? Mono.empty() : add(from, -1);
        return leave.then(add(to, 1));
    }

    Flux<Document> all() {
        return mongo.findAll(Document.class, COLLECTION);
    }

    /** Counts the stored orders once and replaces the counters: the one full scan, for a new or repaired store. */
    public Mono<Long> rebuild() {
        var group = Aggregation.newAggregation(
                Aggregation.group("mallId", "department", "kind", "status", "overdue").count().as("n"));
        return mongo.remove(new Query(), COLLECTION)
                .thenMany(mongo.aggregate(group, "work_orders", Document.class))
                .concatMap(row -> {
                    Document id = (Document) row.get("_id");
                    var state = new State(id.getString("mallId"), id.getString("department"), id.getString("kind"),
                            id.getString("status"), Boolean.TRUE.equals(id.getBoolean("overdue")));
                    return add(state, ((Number) row.get("n")).longValue());
                })
                .count();
    }

    Mono<Boolean> isEmpty() {
        return mongo.findOne(new Query().limit(1), Document.class, COLLECTION).map(found -> false).defaultIfEmpty(true);
    }

    private Mono<Void> add(State state, long delta) {
        var update = new Update().inc("n", delta).set("mallId", state.mallId()).set("department", tag(state.department()))
                .set("kind", tag(state.kind())).set("status", state.status()).set("overdue", state.overdue());
        return mongo.upsert(Query.query(Criteria.where("_id").is(state.key())), update, COLLECTION).then();
    }

    static String tag(String value) {
        return value == null ? "none" : value;
    }

    static final List<String> OPEN = List.of("UNASSIGNED", "ASSIGNED", "ACCEPTED", "DELAYED");

    static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

}
