package com.mallservicedesk.platform.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The one way to write something exactly once: insert a document whose id is derived from what caused it (an event
 * id, a request id); if that id exists, the earlier write already happened and this one is a repeat.
 */
public final class InsertOnce {

    private InsertOnce() {
    }

    /** Completes with the inserted document, or empty if a document with its id was inserted before. */
    public static <T> Mono<T> into(ReactiveMongoTemplate mongo, T document) {
        return mongo.insert(document).onErrorResume(DuplicateKeyException.class, repeat -> Mono.empty());
    }

    public static <T> Mono<T> into(ReactiveMongoTemplate mongo, T document, String collection) {
        return mongo.insert(document, collection).onErrorResume(DuplicateKeyException.class, repeat -> Mono.empty());
    }
}
