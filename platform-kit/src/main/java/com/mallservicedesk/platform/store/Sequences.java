package com.mallservicedesk.platform.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
