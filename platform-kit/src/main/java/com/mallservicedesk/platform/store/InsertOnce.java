package com.mallservicedesk.platform.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import java.util.List;
import reactor.core.publisher.Flux;
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

    /**
     * Inserts documents of one type, each once: in one command when none was inserted before (the usual case), else
     * one by one, skipping those that were.
     */
    public static <T> Mono<Void> allInto(ReactiveMongoTemplate mongo, List<T> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        return mongo.insertAll(documents).then()
                .onErrorResume(DuplicateKeyException.class, someRepeated -> Flux.fromIterable(documents)
                        .concatMap(document -> into(mongo, document)).then());
    }

    public static <T> Mono<T> into(ReactiveMongoTemplate mongo, T document, String collection) {
        return mongo.insert(document, collection).onErrorResume(DuplicateKeyException.class, repeat -> Mono.empty());
    }
}
