package com.mallservicedesk.callback.followup;

import com.mallservicedesk.callback.policy.CallbackPolicies;
import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.callback.requests.RequestFacts;
import com.mallservicedesk.callback.requests.RequestFactsBook;
import com.mallservicedesk.callback.stats.CallbackStats;
import com.mallservicedesk.callback.stats.Tally;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Schedules a callback for every completed work order (or records why none is needed), records attempts and answers,
 * and moves callbacks along their timers. Every stored change is followed by what it changed in the statistics.
 */
@Service
public class Callbacks {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    private final AggregateStore<Callback> callbacks;
    private final CallbackPolicies policies;
    private final RequestFactsBook facts;
    private final CallbackStats stats;
    private final CallbackMetrics metrics;
    private final LatestRounds rounds;
    private final Clock clock;

    Callbacks(AggregateStores stores, CallbackPolicies policies, RequestFactsBook facts, CallbackStats stats,
              CallbackMetrics metrics, LatestRounds rounds, Clock clock) {
        // The place in the open queue is derived from the state by the step every create and change goes through, not
        // by each transition: a new way to open or close a callback cannot forget it.
        this.callbacks = stores.of(Callback.class, "callback").beforeSave(c -> Mono.just(c.keepPlaceInQueue()));
        this.policies = policies;
        this.facts = facts;
        this.stats = stats;
        this.metrics = metrics;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * One callback per round of a work order: a redelivered completion finds it stored and changes nothing, and the
     * completion of a round a later round has replaced (replayed or out of order) gets none. A later round links to
     * the round before, so the chain shows until the customer is satisfied.
     */
    Mono<Void> scheduleFor(IncomingEvent event, CompletedWorkOrder work) {
        if (work.workOrderId() == null) {
            return schedule(event, work);
        }
        return rounds.isLatest(event.mallId(), work.workOrderId(), work.roundOrFirst())
                .flatMap(latest -> {
                    if (!latest) {
                        log.info("Completion of round {} of work order {} in mall {} arrived after a later round: "
                                + "no callback for it", work.roundOrFirst(), work.workOrderId(), event.mallId());
                        return Mono.<Void>empty();
                    }
                    return schedule(event, work);
                });
    }

    private Mono<Void> schedule(IncomingEvent event, CompletedWorkOrder work) {
        String mallId = event.mallId();
        String id = Callback.idFor(work, event.id());
        String previousId = Callback.previousIdFor(work);
        Mono<Optional<Callback>> previous = previousId == null ? Mono.just(Optional.empty())
                : callbacks.findIfPresent(mallId, previousId).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Optional<RequestFacts>> requestFacts = facts.of(mallId, work.requestId()).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(policies.of(mallId), requestFacts, previous)
                .flatMap(t -> callbacks.create(Callback.forWork(id, mallId, work, t.getT1(), t.getT2().orElse(null),
                        t.getT3().orElse(null), now())))
                .flatMap(created -> {
                    metrics.created(created);
                    Mono<Void> link = created.getPreviousCallbackId() == null ? Mono.empty()
                            : callbacks.changeIfPresent(mallId, created.getPreviousCallbackId(), p -> p.followedBy(id)).then();
                    return count(created, Tally.ZERO).then(link);
                });
    }

    /** The day's proactive callbacks to the sampled tenants; a callback that exists already is left as it is. */
    public Flux<String> scheduleProactive(String mallId, LocalDate date, List<ProactiveTarget> tenants, CallbackPolicy policy) {
        return Flux.fromIterable(tenants)
                .concatMap(tenant -> callbacks.create(Callback.proactive(mallId, date, tenant, policy, now()))
                        .flatMap(created -> {
                            metrics.created(created);
                            return count(created, Tally.ZERO);
                        })
                        .thenReturn(Callback.dailyIdFor(mallId, date, tenant.tenantId())));
    }

    Mono<Callback> attempt(String mallId, String id, RecordAttempt attempt, PlatformUser user) {
        return changeCounted(mallId, id, true, c -> c.attempt(attempt, user.id(), now()))
                .doOnNext(c -> metrics.attempted(c, attempt.outcome()));
    }

    Mono<Callback> record(String mallId, String id, CallbackResult result, PlatformUser user) {
        return changeCounted(mallId, id, true, c -> c.record(result, user.id(), now()))
                .doOnNext(metrics::completed);
    }

    /** The desk's working day came (timer); idempotent. */
    Mono<Void> becomeDue(String mallId, String id) {
        return changeCounted(mallId, id, false, c -> c.becomeDue()).then();
    }

    /** The due time passed (timer); idempotent: an overdue or closed callback is left as it is. */
    Mono<Void> markOverdue(String mallId, String id) {
        AtomicBoolean marked = new AtomicBoolean();
        return changeCounted(mallId, id, false, c -> {
            List<DomainEvent> events = c.markOverdue(now());
            marked.set(!events.isEmpty());
            return events;
        }).doOnNext(c -> {
            if (marked.get()) {
                metrics.overdue(c);
            }
        }).then();
    }

    /** Stored times have millisecond precision: answers show the same time as later reads. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Mono<Callback> find(String mallId, String id) {
        return callbacks.find(mallId, id);
    }

    // ------------------------------------------------------------------ statistics after each stored change

    /**
     * Applies the change and then adds what it changed in the statistics. The contribution before is taken on each
     * (re)try of the change, so the stored try's is the one used.
     */
    private Mono<Callback> changeCounted(String mallId, String id, boolean mustExist,
                                         Function<Callback, List<DomainEvent>> change) {
        AtomicReference<Tally> before = new AtomicReference<>(Tally.ZERO);
        Function<Callback, List<DomainEvent>> counted = c -> {
            before.set(CallbackFigures.of(c));
            return change.apply(c);
        };
        Mono<Callback> changed = mustExist ? callbacks.change(mallId, id, counted) : callbacks.changeIfPresent(mallId, id, counted);
        return changed.flatMap(after -> count(after, before.get()).thenReturn(after));
    }

    /** Adds what the callback now contributes beyond {@code before}; a failure is logged, never undoes the change. */
    private Mono<Void> count(Callback callback, Tally before) {
        Tally delta = CallbackFigures.of(callback).minus(before);
        return stats.record(callback.getMallId(), callback.getMonth(), callback.getDepartment(), delta)
                .onErrorResume(error -> {
                    log.error("Statistics of callback {} in mall {} not updated ({}); rebuild the month {} to repair",
                            callback.getId(), callback.getMallId(), error.toString(), callback.getMonth());
                    return Mono.empty();
                });
    }
}
