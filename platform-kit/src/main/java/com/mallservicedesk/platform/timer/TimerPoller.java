package com.mallservicedesk.platform.timer;

import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.platform.timer.Timer.TimerStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires due timers within about one poll interval of their deadline. Each timer is claimed with an atomic
 * find-and-modify that only one instance can win, so with several instances a timer fires once; a claim
 * lapses after the lease, so a timer whose instance died is fired by another.
 */
public class TimerPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final ReactiveMongoTemplate mongo;
    private final Map<String, TimerHandler> handlers;
    private final Clock clock;
    private final Duration lease;
    private final MeterRegistry meters;
    private final String instance = UUID.randomUUID().toString();
    private final PollingLoop loop;

    public TimerPoller(ReactiveMongoTemplate mongo, List<TimerHandler> handlers, Clock clock, Duration pollInterval,
                       Duration lease, MeterRegistry meters) {
        this.mongo = mongo;
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::kind, Function.identity()));
        this.clock = clock;
        this.lease = lease;
        this.meters = meters;
        this.loop = new PollingLoop("Timer poller", pollInterval, Flux.empty(), this::fireDue);
    }

    /** One round: claims and fires every due timer; completes with how many fired. */
    public Mono<Long> fireDue() {
        List<String> kinds = List.copyOf(handlers.keySet());
        // Claim one, fire it, claim the next: instances share the load instead of one claiming everything.
        return Mono.defer(() -> claimNext(kinds).flatMap(this::fire).defaultIfEmpty(-1L))
                .repeat()
                .takeWhile(fired -> fired >= 0)
                .reduce(0L, Long::sum);
    }

    private Mono<Timer> claimNext(List<String> kinds) {
        var now = clock.instant();
        var due = Query.query(Criteria.where("status").is(TimerStatus.SCHEDULED)
                        .and("kind").in(kinds)
                        .and("dueAt").lte(now)
                        .orOperator(Criteria.where("lockedUntil").exists(false), Criteria.where("lockedUntil").is(null),
                                Criteria.where("lockedUntil").lt(now)))
                .with(Sort.by("dueAt"));
        var claim = new Update().set("lockedUntil", now.plus(lease)).set("lockedBy", instance).inc("attempts", 1);
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Timer.class);
    }

    private Mono<Long> fire(Timer timer) {
        TimerHandler handler = handlers.get(timer.kind());
        Sample sample = io.micrometer.core.instrument.Timer.start(meters);
        return handler.fire(timer)
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(timer.id()).and("lockedBy").is(instance)),
                        new Update().set("status", TimerStatus.FIRED).set("firedAt", clock.instant()), Timer.class))
                .doOnSuccess(done -> {
                    meters.summary("platform.timers.lateness.seconds", "kind", timer.kind())
                            .record(Duration.between(timer.dueAt(), clock.instant()).toMillis() / 1000.0);
                    sample.stop(meters.timer("platform.timers.fired", "kind", timer.kind(), "outcome", "fired"));
                })
                .thenReturn(1L)
                .onErrorResume(error -> {
                    // The claim lapses after the lease and the timer is tried again.
                    sample.stop(meters.timer("platform.timers.fired", "kind", timer.kind(), "outcome", "failed"));
                    log.warn("Timer {} ({}) failed on attempt {}, will retry: {}", timer.id(), timer.kind(), timer.attempts(),
                            error.toString());
                    return Mono.just(0L);
                });
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
