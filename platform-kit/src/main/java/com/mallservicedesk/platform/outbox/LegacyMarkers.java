package com.mallservicedesk.platform.outbox;

import java.time.Clock;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Pending work recorded the way relays before this one did: a marker per document in a collection of its own
 * ({@value #COLLECTION}), written before the document. The first poll of a relay gives each marked document the
 * relay state of today's layout, due at once, then drops the markers, so that an upgrade does not leave events behind.
 * Instances of the earlier version still running meanwhile relay their own writes as before.
 */
final class LegacyMarkers {

    static final String COLLECTION = "outbox_pending";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private volatile boolean done;

    LegacyMarkers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Adds the collections it found to {@code collections}; a no-op once it has run. */
    Mono<Void> migrate(Set<String> collections) {
        if (done) {
            return Mono.empty();
        }
        return mongo.collectionExists(COLLECTION)
                .flatMap(exists -> exists ? moveAll(collections) : Mono.<Void>empty())
                .doOnSuccess(moved -> done = true);
    }

    private Mono<Void> moveAll(Set<String> collections) {
        return mongo.findAll(Document.class, COLLECTION)
                .concatMap(marker -> {
                    String collection = marker.getString("collection");
                    collections.add(collection);
                    return move(collection, marker.get("docId"))
                            .then(mongo.remove(Query.query(Criteria.where("_id").is(marker.get("_id"))), COLLECTION));
                })
                .then(mongo.dropCollection(COLLECTION));
    }

    private Mono<Void> move(String collection, Object id) {
        var withoutState = Query.query(Criteria.where("_id").is(id).and(OutboxCarrier.RELAY_FIELD).exists(false));
        var dueNow = PendingDocuments.moveTo(id, new RelayState(null, clock.instant(), 0));
        return mongo.updateFirst(withoutState, dueNow, collection).then();
    }
}
