package com.mallservicedesk.callback.stats;

import com.mallservicedesk.callback.policy.CallbackPolicies;
import com.mallservicedesk.callback.policy.Targets;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps the callback figures per mall and month (and per department) as stored documents changed by key: a
 * callback's change adds what it changed in the figures right after the change is stored.
 */
@Service
public class CallbackStats {

    /** Busy months take turns on one document; beyond the store's own retries, give them a little more room. */
    private static final Retry MORE_TURNS = Retry.backoff(5, Duration.ofMillis(50))
            .filter(OptimisticLockingFailureException.class::isInstance);

    private final AggregateStore<CallbackMonth> months;
    private final CallbackPolicies policies;
    private final StatsGauges gauges;
    private final Clock clock;

    CallbackStats(AggregateStores stores, CallbackPolicies policies, StatsGauges gauges, Clock clock) {
        this.months = stores.of(CallbackMonth.class, "callback-stats");
        this.policies = policies;
        this.gauges = gauges;
        this.clock = clock;
    }

    /** Adds a change to the mall's month and, if the callback belongs to a department, to that department's month. */
    public Mono<Void> record(String mallId, String month, String department, Tally delta) {
        if (delta.isZero() || month == null) {
            return Mono.empty();
        }
        return policies.of(mallId).flatMap(policy -> add(mallId, month, null, delta, department, policy.targets())
                        .doOnNext(whole -> gauges.show(whole, policy))
                        .then(department == null ? Mono.empty()
                                : add(mallId, month, department, delta, null, policy.targets()).then()))
                .then();
    }

    private Mono<CallbackMonth> add(String mallId, String month, String department, Tally delta, String departmentSeen,
                                    Targets targets) {
        String key = CallbackMonth.key(mallId, month, department);
        return months.findIfPresent(mallId, key)
                .flatMap(existing -> months.change(mallId, key, m -> m.add(delta, departmentSeen, targets, clock.instant().truncatedTo(ChronoUnit.MILLIS))))
                .switchIfEmpty(Mono.defer(() -> months.create(CallbackMonth.open(mallId, month, department, delta,
                                departmentSeen, targets, clock.instant().truncatedTo(ChronoUnit.MILLIS)))
                        // Someone opened the month first: add to theirs.
                        .switchIfEmpty(Mono.defer(() -> months.change(mallId, key,
                                m -> m.add(delta, departmentSeen, targets, clock.instant().truncatedTo(ChronoUnit.MILLIS)))))))
                .retryWhen(MORE_TURNS);
    }

    /**
     * Sets a month's figures to what was counted from its callbacks, for the whole mall and each department: repairs
     * figures that missed a change (a crash between a callback's write and its figures' write).
     */
    public Mono<Void> replace(String mallId, String month, Map<String, Tally> byDepartment) {
        Tally whole = byDepartment.values().stream().reduce(Tally.ZERO, Tally::plus);
        List<String> departments = byDepartment.keySet().stream().filter(d -> !d.isEmpty()).sorted().toList();
        return policies.of(mallId).flatMap(policy -> set(mallId, month, null, whole, departments, policy.targets())
                .doOnNext(m -> gauges.show(m, policy))
                .thenMany(Flux.fromIterable(departments)
                        .concatMap(d -> set(mallId, month, d, byDepartment.get(d), List.of(), policy.targets())))
                .then());
    }

    private Mono<CallbackMonth> set(String mallId, String month, String department, Tally counted, List<String> departments,
                                    Targets targets) {
        String key = CallbackMonth.key(mallId, month, department);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return months.findIfPresent(mallId, key)
                .flatMap(existing -> months.change(mallId, key, m -> m.replace(counted, departments, targets, now)))
                .switchIfEmpty(Mono.defer(() -> months.create(CallbackMonth.counted(mallId, month, department, counted,
                                departments, targets, now))
                        .switchIfEmpty(Mono.defer(() -> months.change(mallId, key,
                                m -> m.replace(counted, departments, targets, now))))))
                .retryWhen(MORE_TURNS);
    }

    /** The figures of the months from..to (inclusive), summed, for the mall or one department. */
    Mono<StatsView> figures(String mallId, YearMonth from, YearMonth to, String department) {
        return policies.of(mallId).flatMap(policy -> Flux.fromIterable(monthsBetween(from, to))
                .concatMap(month -> months.findIfPresent(mallId, CallbackMonth.key(mallId, month.toString(), department)))
                .collectList()
                .flatMap(found -> {
                    Tally total = found.stream().map(CallbackMonth::tally).reduce(Tally.ZERO, Tally::plus);
                    Figures figures = Figures.of(total, policy.targets());
                    if (department != null) {
                        return Mono.just(StatsView.of(mallId, from, to, department, figures, List.of()));
                    }
                    List<String> departments = found.stream().flatMap(m -> m.getDepartments().stream()).distinct().sorted().toList();
                    return Flux.fromIterable(departments)
                            .concatMap(d -> Flux.fromIterable(monthsBetween(from, to))
                                    .concatMap(month -> months.findIfPresent(mallId, CallbackMonth.key(mallId, month.toString(), d)))
                                    .map(CallbackMonth::tally)
                                    .reduce(Tally.ZERO, Tally::plus)
                                    .map(t -> new StatsView.DepartmentFigures(d, Figures.of(t, policy.targets()))))
                            .collectList()
                            .map(perDepartment -> StatsView.of(mallId, from, to, null, figures, perDepartment));
                }));
    }

    private static List<YearMonth> monthsBetween(YearMonth from, YearMonth to) {
        return java.util.stream.Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1)).toList();
    }
}
