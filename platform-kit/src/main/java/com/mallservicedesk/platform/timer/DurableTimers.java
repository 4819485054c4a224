package com.mallservicedesk.platform.timer;

import com.mallservicedesk.platform.timer.Timer.TimerStatus;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Schedules and cancels durable timers; {@link TimerPoller} fires them. */
public class DurableTimers {

    private final ReactiveMongoTemplate mongo;

    public DurableTimers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Schedules the timer, or moves a still-scheduled timer with the same id to the new due time. A timer
     * that already fired or was cancelled stays as it is: use a new id for a new clock (for example per reopening).
     */
    public Mono<Void> schedule(String id, String mallId, String kind, String subject, Instant dueAt, Map<String, String> data) {
        var query = Query.query(Criteria.where("_id").is(id).and("status").is(TimerStatus.SCHEDULED));
        var update = new Update()
                .set("dueAt", dueAt)
                .set("data", data)
                .setOnInsert("mallId", mallId)
                .setOnInsert("kind", kind)
                .setOnInsert("subject", subject)
                .setOnInsert("status", TimerStatus.SCHEDULED)
                .setOnInsert("attempts", 0);
        return mongo.upsert(query, update, Timer.class).then()
                // The id exists but is no longer scheduled: the upsert tried to insert a duplicate; leave it.
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, done -> Mono.empty());
    }

    /** Cancels the timer if it has not fired; completes with whether it was cancelled. */
    public Mono<Boolean> cancel(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(TimerStatus.SCHEDULED)),
                        Update.update("status", TimerStatus.CANCELLED), Timer.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    public Mono<Timer> find(String id) {
        return mongo.findById(id, Timer.class);
    }

    /** Timers of one subject, for showing deadlines next to the aggregate. */
    public Flux<Timer> forSubject(String mallId, String subject) {
        return mongo.find(Query.query(Criteria.where("mallId").is(mallId).and("subject").is(subject)), Timer.class);
    }
}
