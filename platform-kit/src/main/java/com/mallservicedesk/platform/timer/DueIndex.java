package com.mallservicedesk.platform.timer;

import com.mallservicedesk.platform.store.TimeKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds due timers by key: every scheduled timer also has a small entry whose {@code _id} starts with its due time
 * ({@code <epoch millis, 13 digits>|<timer id>}), so "what is due" is one read of the {@code _id} index from its start
 * up to now, in due order, and timers far ahead are never read. An entry leaves the index when its timer fired, moved
 * or is gone; one whose timer waits (claimed by another instance, or failed and waiting for its lease)
 * is passed over and read again next round, and so is one entered less than a minute ago whose timer is not there
 * yet (the timer is written just after its entry). A round reads the due range in batches, each after the last key
 * of the one before, so entries that wait never stand in the way of those behind them.
 *
 * <p>Each entry is its own small document: a write touches only it, however many timers are due in the same second.
 */
final class DueIndex {

    static final String COLLECTION = "timer_due";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    DueIndex(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @param enteredAt when it was last entered; null for an entry stored before this was kept */
    record Entry(String timerId, Instant dueAt, Instant enteredAt) {

        Entry(String timerId, Instant dueAt) {
            this(timerId, dueAt, null);
        }

        String key() {
            return TimeKeys.of(dueAt) + "|" + timerId;
        }

        boolean enteredBefore(Instant time) {
            return enteredAt == null || enteredAt.isBefore(time);
        }
    }

    /**
     * Enters the timers, in one bulk command; entering one twice is harmless. The time entered is set each time, so an
     * entry entered again for a timer about to be written waits for it anew.
     */
    Mono<Void> enter(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            Date now = Date.from(clock.instant());
            entries.forEach(entry -> bulk.upsert(byKey(entry.key()), new Update()
                    .setOnInsert("timerId", entry.timerId()).setOnInsert("dueAt", Date.from(entry.dueAt()))
                    .set("enteredAt", now)));
            return bulk.execute();
        }).then();
    }

    /** The entries due at {@code now} that come after {@code after} (a key; null from the start), oldest first. */
    Flux<Entry> due(String after, Instant now, int limit) {
        Criteria key = Criteria.where("_id");
        if (after != null) {
            key = key.gt(after);
        }
        var upToNow = Query.query(key.lte(TimeKeys.of(now) + "|\uffff")).with(Sort.by("_id")).limit(limit);
        return mongo.find(upToNow, Document.class, COLLECTION)
                .map(d -> {
                    Date enteredAt = d.getDate("enteredAt");
                    return new Entry(d.getString("timerId"), d.getDate("dueAt").toInstant(),
                            enteredAt == null ? null : enteredAt.toInstant());
                });
    }

    /** Takes these entries out, in one command. */
    Mono<Void> remove(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return mongo.remove(Query.query(Criteria.where("_id").in(entries.stream().map(Entry::key).toList())), COLLECTION)
                .then();
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
