package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.store.TimeKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
 * The relay's working set, kept in the aggregate documents themselves. A document with events or timer changes not
 * yet carried out has a {@link RelayState} and a key {@value #DUE}: the time from which a poll may take it, then its
 * id, in a sparse unique index. Both are written in the same write as the pending work and removed with the last of
 * it, so the index holds exactly the work not done, however large the collection grows, and no second write can be
 * missing after a crash.
 *
 * <p>Every change of the state moves the document's version (the {@code @Version} field), so a save of a copy loaded
 * before it fails its version check and runs again on the state as it is now: one relay per document at a time.
 */
final class PendingDocuments {

    static final String DUE = "relayDue";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong leases = new AtomicLong();

    PendingDocuments(ReactiveMongoTemplate mongo, Clock clock, Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    /** Sorts by time, then id. */
    static String dueKey(Instant at, Object id) {
        return TimeKeys.of(at, id);
    }

    /**
     * The state a write with pending work stores: the loaded one while a relay holds it or a back-off runs (the holder
     * sees the version move and carries on; the back-off keeps the document's events in order behind the failed
     * ones), else a new lease for the relay that follows this write.
     */
    RelayState onWrite(RelayState loaded) {
        Instant now = clock.instant();
        if (loaded != null && loaded.until().isAfter(now)) {
            return loaded;
        }
        return newLease(now, loaded == null ? 0 : loaded.failures());
    }

    /** The fields a write stores for its pending work. */
    static void store(Document document, RelayState state) {
        document.put(OutboxCarrier.RELAY_FIELD, toDocument(state));
        document.put(DUE, dueKey(state.until(), document.get("_id")));
    }

    static void clear(Document document) {
        document.remove(OutboxCarrier.RELAY_FIELD);
        document.remove(DUE);
    }

    /** Documents of the collection with pending work, the first due first. */
    Flux<Document> pending(String collection, int limit) {
        var query = Query.query(withWork()).with(Sort.by(DUE)).limit(limit);
        return mongo.find(query, Document.class, collection);
    }

    Mono<Long> count(String collection) {
        return mongo.count(Query.query(withWork()), collection);
    }

    /** Whether the document's time has come: its key sorts before every key of the next millisecond. */
    boolean isDue(Document document) {
        return document.getString(DUE).compareTo(dueKey(clock.instant().plusMillis(1), "")) < 0;
    }

    /**
     * Leases a document found due to this instance, unless it changed since it was read; completes with the document as
     * it is now, or empty.
     */
    Mono<Document> claim(String collection, Document seen) {
        RelayState before = stateOf(seen);
        RelayState state = newLease(clock.instant(), before == null ? 0 : before.failures());
        var unchanged = Query.query(Criteria.where("_id").is(seen.get("_id")).and(DUE).is(seen.getString(DUE)));
        return mongo.findAndModify(unchanged, moveTo(seen.get("_id"), state),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    /**
     * Everything the document held at {@code version} is done: removes it with the relay's state, if no write came in
     * since. Completes with whether it did.
     */
    Mono<Boolean> finish(String collection, Object id, Object version, Update removal) {
        var unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(version));
        removal.unset(OutboxCarrier.RELAY_FIELD).unset(DUE);
        return mongo.updateFirst(unchanged, removal, collection).map(result -> result.getMatchedCount() > 0);
    }

    /**
     * Removes what was done from a document written since it was read, if this lease still holds it; completes with the
     * document as it is now, or empty if another relay took it over (which carries out the work again: events and timer
     * changes are idempotent, and counter moves count once).
     */
    Mono<Document> remove(String collection, Object id, String holder, Update removal) {
        var held = Query.query(Criteria.where("_id").is(id).and(OutboxCarrier.RELAY_FIELD + ".holder").is(holder));
        return mongo.findAndModify(held, removal, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    /** Gives the document back, to be taken again at {@code retryAt}, if this lease still holds it. */
    Mono<Void> release(String collection, Object id, String holder, Instant retryAt, int failures) {
        var held = Query.query(Criteria.where("_id").is(id).and(OutboxCarrier.RELAY_FIELD + ".holder").is(holder));
        return mongo.updateFirst(held, moveTo(id, new RelayState(null, retryAt, failures)), collection).then();
    }

    /** The token of the lease the document is in; null when it waits for a retry or has nothing pending. */
    static String holderOf(Document document) {
        RelayState state = stateOf(document);
        return state == null ? null : state.holder();
    }

    static RelayState stateOf(Document document) {
        Document state = document.get(OutboxCarrier.RELAY_FIELD, Document.class);
        if (state == null) {
            return null;
        }
        Date until = state.getDate("until");
        return new RelayState(state.getString("holder"), until == null ? Instant.EPOCH : until.toInstant(),
                state.getInteger("failures", 0));
    }

    /** Sparse: only documents with pending work are in it. Unique: so that the embedded store walks it in order. */
    Mono<Void> createIndex(String collection) {
        return mongo.indexOps(collection)
                .createIndex(new Index().on(DUE, Sort.Direction.ASC).unique().sparse().named(DUE)).then();
    }

    /** An update giving a stored document this state; it moves the version, as every change of the state does. */
    static Update moveTo(Object id, RelayState state) {
        return new Update().set(OutboxCarrier.RELAY_FIELD, toDocument(state)).set(DUE, dueKey(state.until(), id))
                .inc("version", 1);
    }

    private static Criteria withWork() {
        return Criteria.where(DUE).gte("");
    }

    private RelayState newLease(Instant now, int failures) {
        return new RelayState(instance + "/" + leases.incrementAndGet(), now.plus(lease), failures);
    }

    private static Document toDocument(RelayState state) {
        return new Document("holder", state.holder()).append("until", Date.from(state.until()))
                .append("failures", state.failures());
    }
}
