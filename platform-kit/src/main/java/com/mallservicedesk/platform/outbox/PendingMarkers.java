package com.mallservicedesk.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The working set of the outbox relay: one small marker per aggregate document that may hold pending work, keyed
 * {@code <collection>/<id>}. A marker is written before the aggregate write that fills the outbox and deleted once
 * the relay emptied it, so the relay never searches the aggregate collections: the set it reads is as small as the
 * work not yet done. A marker is leased to one relay at a time, so replicas share the work and no event is sent
 * twice in normal operation.
 */
final class PendingMarkers {

    static final String COLLECTION = "outbox_pending";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final String instance;

    PendingMarkers(ReactiveMongoTemplate mongo, Clock clock, Duration lease, String instance) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
        this.instance = instance;
    }

    static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    /**
     * Before an aggregate write that carries pending work: makes sure its marker exists and counts the write, so a
     * relay that claimed the marker earlier sees that something may have been added since and keeps the marker. A new
     * marker is leased to this instance at once, so the relay that follows the write needs no claim of its own.
     * Completes with the marker as it is now.
     */
    Mono<Document> ensure(String collection, Object id) {
        var update = new Update().inc("writes", 1).setOnInsert("collection", collection).setOnInsert("docId", id)
                .setOnInsert("since", now()).setOnInsert("leaseUntil", Date.from(clock.instant().plus(lease)))
                .setOnInsert("leasedBy", instance);
        return mongo.findAndModify(byKey(key(collection, id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    }

    /**
     * Whether {@link #ensure} just created the marker, leased to this instance. Only then may the write's own relay skip
     * the claim: a marker that was there before may be in another relay's hands (even this instance's), and one
     * relay per document at a time is what keeps events in order and sent once.
     */
    boolean createdHere(Document marker) {
        Date until = marker.getDate("leaseUntil");
        return marker.get("writes") instanceof Number writes && writes.longValue() == 1
                && instance.equals(marker.getString("leasedBy")) && until != null && until.toInstant().isAfter(clock.instant());
    }

    /** Leases the marker to this instance; empty if it is gone (all done) or another instance holds it. */
    Mono<Document> claim(String key) {
        Date now = now();
        var free = byKey(key).addCriteria(new Criteria().orOperator(Criteria.where("leaseUntil").is(null),
                Criteria.where("leaseUntil").lt(now)));
        var update = new Update().set("leaseUntil", Date.from(clock.instant().plus(lease))).set("leasedBy", instance);
        return mongo.findAndModify(free, update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    /** Markers a relay should look at: free, not waiting for a retry, older than {@code grace}; oldest first. */
    Flux<Document> due(Duration grace, int limit) {
        Date now = now();
        var query = Query.query(new Criteria().andOperator(
                        new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)),
                        new Criteria().orOperator(Criteria.where("retryAt").is(null), Criteria.where("retryAt").lte(now)),
                        Criteria.where("since").lte(Date.from(clock.instant().minus(grace)))))
                .with(Sort.by("since")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION);
    }

    Mono<Long> count() {
        return mongo.estimatedCount(COLLECTION);
    }

    /**
     * Everything the marker stood for when it was claimed is done: deletes it unless a writer announced another write
     * since ({@code writes} moved). Only the lease holder deletes it. Completes with whether it was deleted.
     */
    Mono<Boolean> done(String key, Document claimed) {
        Object writes = claimed.get("writes");
        var unchanged = byKey(key).addCriteria(Criteria.where("leasedBy").is(instance))
                .addCriteria(Criteria.where("writes").is(writes));
        return mongo.remove(unchanged, COLLECTION).map(result -> result.getDeletedCount() > 0);
    }

    /** Gives the marker back; {@code retryAt} null means at once (something changed while this relay worked). */
    Mono<Void> release(String key, Instant retryAt, boolean failed) {
        var update = new Update().unset("leaseUntil").unset("leasedBy")
                .set("retryAt", retryAt == null ? null : Date.from(retryAt));
        if (failed) {
            update.inc("failures", 1);
        }
        return mongo.updateFirst(byKey(key).addCriteria(Criteria.where("leasedBy").is(instance)), update, COLLECTION).then();
    }

    /** For real MongoDB: the relay's poll reads by age. The embedded server scans the (small) collection instead. */
    Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("since", Sort.Direction.ASC).named("since")).then();
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
