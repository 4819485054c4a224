package com.mallservicedesk.platform.store;

import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Gap-free per-key counters (request numbers per mall and day, console event numbers per mall): one atomic $inc by key. */
public final class Sequences {

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    private Sequences(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public static Sequences in(ReactiveMongoTemplate mongo, String collection) {
        return new Sequences(mongo, collection);
    }

    /** The next number for the key, starting at 1. */
    public Mono<Long> next(String key) {
        return mongo.findAndModify(byKey(key), new Update().inc("seq", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, collection)
                .map(d -> ((Number) d.get("seq")).longValue());
    }

    /** The last number handed out for the key, 0 if none. */
    public Mono<Long> current(String key) {
        return mongo.findById(key, Document.class, collection)
                .map(d -> ((Number) d.get("seq")).longValue())
                .defaultIfEmpty(0L);
    }

    /**
     * The last number of every key from {@code first} to {@code last} (in key order, both included) that has one:
     * one walk over a range of keys, so a caller that composes keys with a common prefix reads a whole run of them.
     */
    public Flux<Map.Entry<String, Long>> between(String first, String last) {
        return mongo.find(Query.query(Criteria.where("_id").gte(first).lte(last)), Document.class, collection)
                .map(d -> Map.entry(d.getString("_id"), ((Number) d.get("seq")).longValue()));
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
