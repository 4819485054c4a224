package com.mallservicedesk.platform.timer;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Schedules and cancels durable timers; {@link TimerPoller} fires them. Aggregates do not call this directly: they
 * put {@link PendingTimer}s in their outbox, and the relay applies them here, so a deadline is stored in the same
 * write as the change that implies it.
 */
public class DurableTimers {

    private static final String STATE = "timer_state";
    private static final String ADOPTED = "due-index-adopted";

    private final ReactiveMongoTemplate mongo;
    private final DueIndex dueIndex;
    private final Clock clock;

    public DurableTimers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.dueIndex = new DueIndex(mongo, clock);
        this.clock = clock;
    }

    /**
     * Applies the timer changes of one aggregate write in three round trips at most, whatever their number: the due
     * entries, then the timers, then the cancellations, each as one bulk command. Only the last change of each timer
     * counts (a later schedule moves it, a later cancel removes it), so applying them grouped ends where applying them
     * one by one would; a due entry left by a schedule that a later cancel undid is dropped by the poller.
     */
    public Mono<Void> apply(String mallId, List<PendingTimer> changes) {
        Map<String, PendingTimer> lastOfEach = new LinkedHashMap<>();
        changes.forEach(change -> {
            lastOfEach.remove(change.timerId());
            lastOfEach.put(change.timerId(), change);
        });
        List<PendingTimer> schedules = lastOfEach.values().stream().filter(change -> !change.cancels()).toList();
        List<Query> cancels = lastOfEach.values().stream().filter(PendingTimer::cancels)
                .map(change -> byId(change.timerId())).toList();
        Mono<Void> scheduled = schedules.isEmpty() ? Mono.empty()
                : dueIndex.enter(schedules.stream().map(change -> new DueIndex.Entry(change.timerId(), change.dueAt())).toList())
                .then(Mono.defer(() -> {
                    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Timer.class);
                    schedules.forEach(change -> bulk.upsert(byId(change.timerId()), timerUpdate(mallId, change.kind(),
                            change.subject(), change.dueAt(), change.data())));
                    return bulk.execute();
                }))
                .then();
        Mono<Void> cancelled = cancels.isEmpty() ? Mono.empty()
                : Mono.defer(() -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Timer.class).remove(cancels).execute())
                .then();
        return scheduled.then(cancelled);
    }

    /**
     * Schedules the timer, or moves a timer with the same id to the new due time. The due entry goes first: a
     * crash between the two writes leaves an entry without a timer, which the poller drops once it is a minute old.
     */
    public Mono<Void> schedule(String id, String mallId, String kind, String subject, Instant dueAt, Map<String, String> data) {
        return apply(mallId, List.of(PendingTimer.schedule(id, kind, subject, dueAt, data)));
    }

    private static Update timerUpdate(String mallId, String kind, String subject, Instant dueAt, Map<String, String> data) {
        return new Update()
                .set("dueAt", dueAt)
                .set("data", data)
                .set("mallId", mallId)
                .set("kind", kind)
                .set("subject", subject)
                .setOnInsert("attempts", 0);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** Cancels the timer if it has not fired; completes with whether there was one to cancel. */
    public Mono<Boolean> cancel(String id) {
        return mongo.remove(byId(id), Timer.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    /**
     * Once, when the due index is new: every stored timer is entered in it, whatever version stored it (with a
     * status field before the minute buckets, or in the minute buckets, which are dropped), and finished ones of the
     * first version deleted. Later starts find the mark and skip this scan; two instances doing it at once enter
     * the same entries.
     */
    public Mono<Void> adoptStoredTimers() {
        return mongo.findById(ADOPTED, Document.class, STATE).hasElement().flatMap(adopted -> adopted ? Mono.<Void>empty()
                : mongo.remove(Query.query(Criteria.where("status").in("FIRED", "CANCELLED")), Timer.COLLECTION)
                        .thenMany(mongo.find(new Query(), Timer.class))
                        .map(timer -> new DueIndex.Entry(timer.id(), timer.dueAt()))
                        .buffer(500)
                        .concatMap(dueIndex::enter)
                        .then(mongo.updateMulti(Query.query(Criteria.where("status").exists(true)),
                                new Update().unset("status").unset("firedAt"), Timer.COLLECTION))
                        .then(mongo.dropCollection("timer_buckets"))
                        .then(mongo.dropCollection("timer_cursor"))
                        .then(mongo.save(new Document("_id", ADOPTED).append("at", Date.from(clock.instant())), STATE))
                        .then());
    }

    /** A timer still to fire; empty once it fired or was cancelled. */
    public Mono<Timer> find(String id) {
        return mongo.findById(id, Timer.class);
    }
}
