package com.mallservicedesk.platform.timer;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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

    private final ReactiveMongoTemplate mongo;
    private final TimerWheel wheel;
    private final Clock clock;

    public DurableTimers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.wheel = new TimerWheel(mongo);
        this.clock = clock;
    }

    public Mono<Void> apply(String mallId, PendingTimer change) {
        return change.cancels() ? cancel(change.timerId()).then()
                : schedule(change.timerId(), mallId, change.kind(), change.subject(), change.dueAt(), change.data());
    }

    /**
     * Schedules the timer, or moves a timer with the same id to the new due time. The wheel entry goes first: a
     * crash between the two writes leaves an entry without a timer, which the poller skips.
     */
    public Mono<Void> schedule(String id, String mallId, String kind, String subject, Instant dueAt, Map<String, String> data) {
        var update = new Update()
                .set("dueAt", dueAt)
                .set("data", data)
                .set("mallId", mallId)
                .set("kind", kind)
                .set("subject", subject)
                .setOnInsert("attempts", 0);
        return wheel.enter(id, dueAt, clock.instant())
                .then(mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, Timer.class))
                .then();
    }

    /** Cancels the timer if it has not fired; completes with whether there was one to cancel. */
    public Mono<Boolean> cancel(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), Timer.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    /**
     * Once, when the wheel is new: timers stored before the wheel existed (with a status field) are entered in it, and
     * finished ones deleted. Later starts find the wheel's cursor and skip this scan.
     */
    public Mono<Void> adoptTimersStoredBeforeTheWheel() {
        return wheel.isNew().flatMap(isNew -> !isNew ? Mono.<Void>empty()
                : mongo.remove(Query.query(Criteria.where("status").in("FIRED", "CANCELLED")), Timer.COLLECTION)
                        .thenMany(mongo.find(Query.query(Criteria.where("status").is("SCHEDULED")), Timer.class))
                        .concatMap(timer -> wheel.enter(timer.id(), timer.dueAt(), clock.instant()))
                        .then(mongo.updateMulti(Query.query(Criteria.where("status").exists(true)),
                                new Update().unset("status").unset("firedAt"), Timer.COLLECTION))
                        .then(wheel.cursor(clock.instant()))
                        .then());
    }

    /** A timer still to fire; empty once it fired or was cancelled. */
    public Mono<Timer> find(String id) {
        return mongo.findById(id, Timer.class);
    }
}
