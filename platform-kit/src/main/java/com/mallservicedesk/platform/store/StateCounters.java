package com.mallservicedesk.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * How many aggregates are in each state, kept as counters keyed by the state's labels ({@code M001|ENGINEERING|…}), so
 * gauges read a handful of small documents instead of counting the aggregates. An aggregate store counted in them
 * ({@link AggregateStore#countedIn}) stores each move with the change that causes it, and the outbox relay applies it
 * once ({@link CounterMoves}): the counters stay exact across crashes, a few milliseconds behind the aggregates.
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

    /**
     * The aggregate is to be written counted under {@code labels}: records the move from where it is counted now, if
     * they differ, in the aggregate itself.
     */
    void count(StateCounted aggregate, Map<String, ?> labels) {
        Map<String, Object> to = stored(labels);
        Map<String, Object> from = aggregate.getCountedAs();
        if (!to.equals(from)) {
            aggregate.getCountOutbox().add(CounterMove.between(collection, from, to));
            aggregate.setCountedAs(to);
        }
    }

    /** What a move does to its counters: one less under the labels it left, one more under those it entered. */
    static List<IncrementsOnce.Increment> increments(CounterMove move) {
        List<IncrementsOnce.Increment> increments = new ArrayList<>();
        if (move.from() != null) {
            increments.add(new IncrementsOnce.Increment(move.counters(), key(move.from()), update(move.from(), -1)));
        }
        increments.add(new IncrementsOnce.Increment(move.counters(), key(move.to()), update(move.to(), 1)));
        return increments;
    }

    /** Every counter: its labels and {@code n}. */
    public Flux<Document> all() {
        return mongo.findAll(Document.class, collection);
    }

    /** The counters of these labels, read by key; one never moved is absent. */
    public Flux<Document> of(Collection<? extends Map<String, ?>> labels) {
        List<String> keys = labels.stream().map(one -> key(stored(one))).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, collection);
    }

    public Mono<Boolean> isEmpty() {
        return mongo.findOne(new Query().limit(1), Document.class, collection).map(found -> false).defaultIfEmpty(true);
    }

    /**
     * Counts the stored aggregates once, grouped by {@code fields}, and replaces the counters: the one full scan, for a
     * new or repaired store. Moves still pending in aggregates are applied on top of it, so run it with no writes in
     * flight.
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
        Map<String, Object> stored = stored(labels);
        return mongo.upsert(Query.query(Criteria.where("_id").is(key(stored))), update(stored, delta), collection).then();
    }

    /** The labels as stored: in their order, {@code none} for a missing value. */
    static Map<String, Object> stored(Map<String, ?> labels) {
        Map<String, Object> stored = new LinkedHashMap<>();
        labels.forEach((label, value) -> stored.put(label, value == null ? "none" : value));
        return stored;
    }

    private static String key(Map<String, Object> stored) {
        return stored.values().stream().map(String::valueOf).collect(Collectors.joining("|"));
    }

    private static Update update(Map<String, Object> stored, long delta) {
        var update = new Update().inc("n", delta);
        stored.forEach(update::set);
        return update;
    }
}
