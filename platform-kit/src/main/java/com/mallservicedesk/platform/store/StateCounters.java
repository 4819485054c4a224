package com.mallservicedesk.platform.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How many aggregates are in each state, kept as counters keyed by the state's labels ({@code M001|ENGINEERING|…}) that
 * every change moves, so gauges read a handful of small documents instead of counting the aggregates. A counter is
 * moved right after the aggregate's write: a crash between the two leaves it off by one until {@link #rebuild} runs.
 * Labels keep their order; a missing value is stored as {@code none}.
 */
public final class StateCounters {

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    private StateCounters(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public static StateCounters in(ReactiveMongoTemplate mongo, String collection) {
        return new StateCounters(mongo, collection);
    }

    /** An aggregate left one state and entered another; {@code from} is null for a new one. */
    public Mono<Void> moved(Map<String, ?> from, Map<String, ?> to) {
        if (Objects.equals(from, to)) {
            return Mono.empty();
        }
        Mono<Void> leave = from == null ? Mono.empty() : add(from, -1);
        return leave.then(add(to, 1));
    }

    /** Every counter: its labels and {@code n}. */
    public Flux<Document> all() {
        return mongo.findAll(Document.class, collection);
    }

    public Mono<Boolean> isEmpty() {
        return mongo.findOne(new Query().limit(1), Document.class, collection).map(found -> false).defaultIfEmpty(true);
    }

    /**
     * Counts the stored aggregates once, grouped by {@code fields}, and replaces the counters: the one full scan, for a
     * new or repaired store.
     *
     * @param labelsOfGroup the state's labels from a group's {@code _id} (which holds the grouped fields)
     */
    public Mono<Long> rebuild(String source, Function<Document, Map<String, ?>> labelsOfGroup, String... fields) {
        var group = Aggregation.newAggregation(Aggregation.group(fields).count().as("n"));
        return mongo.remove(new Query(), collection)
                .thenMany(mongo.aggregate(group, source, Document.class))
                .concatMap(row -> add(labelsOfGroup.apply((Document) row.get("_id")), ((Number) row.get("n")).longValue()))
                .count();
    }

    private Mono<Void> add(Map<String, ?> labels, long delta) {
        Map<String, Object> stored = new LinkedHashMap<>();
        labels.forEach((label, value) -> stored.put(label, value == null ? "none" : value));
        String key = stored.values().stream().map(String::valueOf).collect(Collectors.joining("|"));
        var update = new Update().inc("n", delta);
        stored.forEach(update::set);
        return mongo.upsert(Query.query(Criteria.where("_id").is(key)), update, collection).then();
    }
}
