package com.mallservicedesk.platform.timer;

import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.platform.timer.DueIndex.Entry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires due timers within about one poll interval of their deadline. It reads the due entries of the {@link DueIndex}
 * by key and claims each due timer with an atomic find-and-modify by {@code _id} that only one instance can win, so with
 * several instances a timer fires once; a claim lapses after the lease, so a timer whose instance died is fired by
 * another. A fired timer is deleted. A timer whose handler keeps failing is moved to {@code timers_failed} after
 * {@code maxAttempts}, logged and counted, so it cannot hold up the others.
 */
public class TimerPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
    static final String FAILED = "timers_failed";
    /** Due entries read at once; a round reads batch after batch until one is not full. */
    static final int BATCH = 100;
    /**
     * How long an entry waits for its timer: {@link DurableTimers} writes the entry, then the timer, and a round
     * between the two (at once for a timer already due) must not take the entry for one whose timer is gone. After
     * this the entry was left by a cancel or a failed write and is dropped; a retried write enters it again.
     */
    static final Duration TIMER_WRITE_GRACE = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final DueIndex dueIndex;
    private final Map<String, TimerHandler> handlers;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;
    private final MeterRegistry meters;
    private final String instance = UUID.randomUUID().toString();
    private final PollingLoop loop;

    public TimerPoller(ReactiveMongoTemplate mongo, List<TimerHandler> handlers, Clock clock, Duration pollInterval,
                       Duration lease, int maxAttempts, MeterRegistry meters) {
        this.mongo = mongo;
        this.dueIndex = new DueIndex(mongo, clock);
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::kind, Function.identity()));
        this.clock = clock;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.meters = meters;
        this.loop = new PollingLoop("Timer poller", pollInterval, Flux.empty(), this::fireDue);
    }

    /**
     * One round: fires every due timer this instance can claim; completes with how many fired. It reads the due
     * entries in batches, each after the last key of the one before, until a batch is not full.
     */
    public Mono<Long> fireDue() {
        Instant now = clock.instant();
        return fireBatch(null, now)
                .expand(batch -> batch.full() ? fireBatch(batch.lastKey(), now) : Mono.empty())
                .map(Batch::fired)
                .reduce(0L, Long::sum);
    }

    private record Batch(long fired, boolean full, String lastKey) {
    }

    /** Fires a batch's entries; those that fired or whose timer is gone (moved, cancelled) leave the index. */
    private Mono<Batch> fireBatch(String after, Instant now) {
        return dueIndex.due(after, now, BATCH)
                .concatMap(entry -> fireEntry(entry, now).map(result -> Map.entry(entry, result)))
                .collectList()
                .flatMap(results -> {
                    long fired = results.stream().filter(r -> r.getValue() == Result.FIRED).count();
                    List<Entry> settled = results.stream().filter(r -> r.getValue() != Result.WAITING)
                            .map(Map.Entry::getKey).toList();
                    String lastKey = results.isEmpty() ? after : results.get(results.size() - 1).getKey().key();
                    return dueIndex.remove(settled).thenReturn(new Batch(fired, results.size() == BATCH, lastKey));
                });
    }

    private enum Result { FIRED, GONE, WAITING }

    private Mono<Result> fireEntry(Entry entry, Instant now) {
        return claim(entry.timerId(), now)
                .flatMap(timer -> fire(timer, now))
                .switchIfEmpty(Mono.defer(() -> mongo.findById(entry.timerId(), Timer.class)
                        // Still there and due: another instance is firing it, or its handler failed and waits for the lease.
                        .map(timer -> timer.dueAt().isAfter(now) ? Result.GONE : Result.WAITING)
                        // No timer: gone, or its write still on its way just after the entry's.
                        .defaultIfEmpty(entry.enteredBefore(now.minus(TIMER_WRITE_GRACE))
                                ? Result.GONE : Result.WAITING)));
    }

    private Mono<Timer> claim(String id, Instant now) {
        var due = Query.query(Criteria.where("_id").is(id).and("kind").in(handlers.keySet()).and("dueAt").lte(now)
                .orOperator(Criteria.where("lockedUntil").is(null), Criteria.where("lockedUntil").lt(now)));
        var claim = new Update().set("lockedUntil", now.plus(lease)).set("lockedBy", instance).inc("attempts", 1);
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Timer.class);
    }

    private Mono<Result> fire(Timer timer, Instant now) {
        TimerHandler handler = handlers.get(timer.kind());
        Sample sample = io.micrometer.core.instrument.Timer.start(meters);
        return handler.fire(timer)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(timer.id()).and("lockedBy").is(instance)
                        .and("dueAt").is(timer.dueAt())), Timer.class))
                .doOnSuccess(done -> {
                    meters.summary("platform.timers.lateness.seconds", "kind", timer.kind())
                            .record(Duration.between(timer.dueAt(), clock.instant()).toMillis() / 1000.0);
                    sample.stop(meters.timer("platform.timers.fired", "kind", timer.kind(), "outcome", "fired"));
                })
                .thenReturn(Result.FIRED)
                .onErrorResume(error -> {
                    sample.stop(meters.timer("platform.timers.fired", "kind", timer.kind(), "outcome", "failed"));
                    if (timer.attempts() >= maxAttempts) {
                        return giveUp(timer, error);
                    }
                    // The claim lapses after the lease and the timer is tried again.
                    log.warn("Timer {} ({}) failed on attempt {}, will retry: {}", timer.id(), timer.kind(), timer.attempts(),
                            error.toString());
                    return Mono.just(Result.WAITING);
                });
    }

    private Mono<Result> giveUp(Timer timer, Throwable error) {
        log.error("Timer {} ({}) failed {} times; moved to {} for a person to look at: {}", timer.id(), timer.kind(),
                timer.attempts(), FAILED, error.toString());
        meters.counter("platform.timers.given.up", "kind", timer.kind()).increment();
        var record = new Document("_id", timer.id()).append("timer", mongo.getConverter().convertToMongoType(timer))
                .append("error", error.toString()).append("failedAt", java.util.Date.from(clock.instant()));
        return mongo.save(record, FAILED)
                .then(mongo.remove(Query.query(Criteria.where("_id").is(timer.id()).and("lockedBy").is(instance)), Timer.class))
                .thenReturn(Result.GONE);
    }

    @Override
    public void start() {
        if (!handlers.isEmpty()) {
            loop.start();
        }
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

}
