package com.mallservicedesk.platform.timer;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Finds due timers by key instead of by a query on the due time: every scheduled timer is also entered in the bucket
 * of its due minute ({@code <epoch minute>:<shard>}), and the poller reads the buckets from the oldest unfinished
 * minute up to now, each by {@code _id}. A bucket is deleted once all its timers fired or moved away, and the cursor
 * then passes its minute, so the poller's work is the deadlines that are due, however many lie ahead.
 *
 * <p>A timer due in the past goes into the current minute's bucket; the cursor passes a minute only {@link #SETTLE}
 * minutes after it, so an entry made by an instance whose clock is a little behind is not missed.
 */
final class TimerWheel {

    static final String BUCKETS = "timer_buckets";
    static final int SHARDS = 8;
    static final long SETTLE = 2;
    private static final String CURSOR = "timer_cursor";

    private final ReactiveMongoTemplate mongo;

    TimerWheel(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Bucket(String id, long minute, List<Entry> entries, long changes) {
    }

    record Entry(String timerId, Instant dueAt) {
    }

    static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    static String bucketId(long minute, int shard) {
        return minute + ":" + shard;
    }

    /** Enters the timers in their buckets, in one bulk command. */
    Mono<Void> enter(List<Entry> entries, Instant now) {
        return Mono.defer(() -> {
            var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BUCKETS);
            entries.forEach(entry -> {
                long minute = minuteOf(entry.dueAt().isBefore(now) ? now : entry.dueAt());
                String bucket = bucketId(minute, Math.floorMod(entry.timerId().hashCode(), SHARDS));
                bulk.upsert(Query.query(Criteria.where("_id").is(bucket)), new Update()
                        .addToSet("entries", stored(entry)).inc("changes", 1).setOnInsert("minute", minute));
            });
            return bulk.execute();
        }).then();
    }

    Mono<Bucket> bucket(long minute, int shard) {
        return mongo.findById(bucketId(minute, shard), Document.class, BUCKETS).map(d -> new Bucket(d.getString("_id"),
                minute, d.getList("entries", Document.class, List.of()).stream()
                .map(e -> new Entry(e.getString("timerId"), e.getDate("dueAt").toInstant())).toList(),
                ((Number) d.get("changes")).longValue()));
    }

    /**
     * Takes these entries out of the bucket, each by its timer and due time: a timer moved to a later time of the
     * same minute has another entry, which stays.
     */
    Mono<Void> remove(Bucket bucket, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket.id())),
                new Update().pullAll("entries", entries.stream().map(TimerWheel::stored).toArray()), BUCKETS).then();
    }

    /** An entry as a bucket stores it; removing one matches this whole document, so both sides build it here. */
    private static Document stored(Entry entry) {
        return new Document("timerId", entry.timerId()).append("dueAt", Date.from(entry.dueAt()));
    }

    /** Deletes a finished bucket unless an entry was added since it was read. */
    Mono<Boolean> finish(Bucket bucket) {
        return mongo.remove(Query.query(Criteria.where("_id").is(bucket.id()).and("changes").is(bucket.changes())), BUCKETS)
                .map(result -> result.getDeletedCount() > 0);
    }

    /** The oldest minute that may still hold unfinished buckets; a new wheel starts a little before now. */
    Mono<Long> cursor(Instant now) {
        return mongo.findById(CURSOR, Document.class, CURSOR)
                .map(d -> ((Number) d.get("next")).longValue())
                .switchIfEmpty(Mono.defer(() -> {
                    long start = minuteOf(now) - SETTLE;
                    return mongo.findAndModify(Query.query(Criteria.where("_id").is(CURSOR)),
                                    new Update().setOnInsert("next", start),
                                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, CURSOR)
                            .map(d -> ((Number) d.get("next")).longValue());
                }));
    }

    Mono<Boolean> isNew() {
        return mongo.findById(CURSOR, Document.class, CURSOR).map(found -> false).defaultIfEmpty(true);
    }

    /** Moves the cursor past a finished minute (if no other instance moved it already). */
    Mono<Void> advance(long from) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(CURSOR).and("next").is(from)),
                Update.update("next", from + 1), CURSOR).then();
    }
}
