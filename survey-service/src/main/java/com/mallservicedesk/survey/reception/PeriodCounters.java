package com.mallservicedesk.survey.reception;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.IncrementsOnce;
import com.mallservicedesk.platform.store.IncrementsOnce.Outcome;
import com.mallservicedesk.survey.settings.KnownMalls;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writes the reception figures: per mall and day ({@code <mall>|<YYYY-MM-DD>}) and the mall's open items now
 * ({@code <mall>}), each one {@code $inc} by key. A month is the sum of its days ({@link ReceptionFigures#month}), so
 * an event costs one write for its period instead of two. The month's own document ({@code <mall>|<YYYY-MM>},
 * {@value #DAYLESS}) exists from the month's first event on, to tell the {@link PeriodWatcher}s once, and counts only
 * what has no day: events of records kept before days were. The first write of a day tells the watchers too.
 */
@Component
class PeriodCounters {

    static final String MONTHS = "reception_months";
    static final String DAYS = "reception_days";
    static final String OPEN_ITEMS = "reception_open_items";
    /** Set on every month document that counts only what has no day (see {@link ReceptionMonthsLayout}). */
    static final String DAYLESS = "dayless";

    /** Two first writes of one month racing can make one upsert fail on the key; it changed nothing, so write again. */
    private static final Retry FIRST_WRITE_RACE = Retry.max(3).filter(DuplicateKeyException.class::isInstance);

    private static final int MAX_MONTHS_REMEMBERED = 100_000;

    private final ReactiveMongoTemplate mongo;
    private final IncrementsOnce increments;
    private final KnownMalls malls;
    /** The months whose document this instance wrote: a day's write need not see to its month first. */
    private final Set<String> monthsWritten = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<PeriodWatcher> watchers;

    PeriodCounters(ReactiveMongoTemplate mongo, IncrementsOnce increments, KnownMalls malls,
                   ObjectProvider<PeriodWatcher> watchers) {
        this.mongo = mongo;
        this.increments = increments;
        this.malls = malls;
        this.watchers = watchers;
    }

    /**
     * Moves the figures an event moves, once, then stores the handler's record of the event ({@code record}: the
     * tracked copy or marker from which a repeat of the event computes no move). In this order a kill between the two
     * loses nothing and doubles nothing: the repeat finds no record and computes the same moves, which the figures'
     * documents recognise as counted ({@link IncrementsOnce}).
     */
    Mono<Void> count(IncomingEvent event, FigureMoves moves, Mono<?> record) {
        List<Target> targets = targets(moves);
        if (targets.isEmpty()) {
            return record.then();
        }
        List<IncrementsOnce.Increment> writes = targets.stream().map(Target::increment).toList();
        return Flux.fromIterable(targets).concatMap(Target::before).then(increments.count(event.id(), writes,
                // A repeat that finds a period counted before tells again (a kill may have come between the period's
                // first write and its telling); being told twice is harmless.
                outcomes -> Flux.range(0, targets.size()).concatMap(i -> outcomes.get(i) == Outcome.ADDED
                        ? Mono.<Void>empty() : targets.get(i).begun().get()).then(),
                record));
    }

    /**
     * One document's increment; what must exist before it (the month before its days, so the month's watchers are
     * told even after a kill); what to do when it began the document, or may have (a repeat).
     */
    private record Target(IncrementsOnce.Increment increment, Mono<Void> before, Supplier<Mono<Void>> begun) {
    }

    private List<Target> targets(FigureMoves moves) {
        String mallId = moves.mallId();
        ZoneId zone = moves.zone();
        List<Target> targets = new ArrayList<>();
        moves.periods().forEach((period, tally) -> {
            if (period.day() == null) {
                var update = tally.into(new Update().setOnInsert("mallId", mallId).setOnInsert("month", period.month())
                        .setOnInsert(DAYLESS, true));
                targets.add(new Target(new IncrementsOnce.Increment(MONTHS, mallId + "|" + period.month(), update),
                        Mono.empty(), () -> monthStarted(mallId, period.month(), zone)));
            } else {
                var update = tally.into(new Update().setOnInsert("mallId", mallId).setOnInsert("day", period.day()));
                targets.add(new Target(new IncrementsOnce.Increment(DAYS, mallId + "|" + period.day(), update),
                        monthBegun(mallId, period.month(), zone),
                        () -> tell(w -> w.dayStarted(mallId, LocalDate.parse(period.day()), zone))));
            }
        });
        if (!moves.openItems().isEmpty()) {
            var update = moves.openItems().into(new Update().setOnInsert("mallId", mallId));
            targets.add(new Target(new IncrementsOnce.Increment(OPEN_ITEMS, mallId, update), Mono.empty(),
                    Mono::empty));
        }
        return targets;
    }

    /** The month's document, written once per month and instance before any of its days. */
    private Mono<Void> monthBegun(String mallId, String month, ZoneId zone) {
        String monthKey = mallId + "|" + month;
        return Mono.defer(() -> monthsWritten.contains(monthKey) ? Mono.empty()
                : monthDocument(mallId, month, zone).doOnSuccess(done -> remember(monthKey)));
    }

    private void remember(String monthKey) {
        if (monthsWritten.size() >= MAX_MONTHS_REMEMBERED) {
            monthsWritten.clear();      // bounded without bookkeeping: the next event of each month writes it again
        }
        monthsWritten.add(monthKey);
    }

    /** Writes the month's own document (nothing in it yet); the write that creates it tells the watchers. */
    private Mono<Void> monthDocument(String mallId, String month, ZoneId zone) {
        var update = new Update().setOnInsert("mallId", mallId).setOnInsert("month", month).setOnInsert(DAYLESS, true);
        return mongo.upsert(byId(mallId + "|" + month), update, MONTHS)
                .retryWhen(FIRST_WRITE_RACE)
                .flatMap(result -> result.getUpsertedId() == null ? Mono.<Void>empty()
                        : monthStarted(mallId, month, zone));
    }

    private Mono<Void> monthStarted(String mallId, String month, ZoneId zone) {
        return malls.remember(mallId).then(tell(w -> w.monthStarted(mallId, YearMonth.parse(month), zone)));
    }

    private Mono<Void> tell(java.util.function.Function<PeriodWatcher, Mono<Void>> call) {
        List<PeriodWatcher> all = watchers.orderedStream().toList();
        return Flux.fromIterable(all).concatMap(call).then();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
