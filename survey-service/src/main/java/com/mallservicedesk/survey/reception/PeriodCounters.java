package com.mallservicedesk.survey.reception;

import com.mallservicedesk.survey.settings.KnownMalls;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Two first writes of one period racing can make one upsert fail on the key; it changed nothing, so writing again
     * is safe (the event's tracked copy is already stored, so the inbox's retry would not count it again).
     */
    private static final Retry FIRST_WRITE_RACE = Retry.max(3).filter(DuplicateKeyException.class::isInstance);

    private static final int MAX_MONTHS_REMEMBERED = 100_000;

    private final ReactiveMongoTemplate mongo;
    private final KnownMalls malls;
    /** The months whose document this instance wrote: a day's write need not see to its month first. */
    private final Set<String> monthsWritten = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<PeriodWatcher> watchers;

    PeriodCounters(ReactiveMongoTemplate mongo, KnownMalls malls, ObjectProvider<PeriodWatcher> watchers) {
        this.mongo = mongo;
        this.malls = malls;
        this.watchers = watchers;
    }

    /** Counts into the month and the day of a moment in the mall's zone. */
    Mono<Void> at(String mallId, ZonedDateTime when, Tally tally) {
        return in(mallId, YearMonth.from(when).toString(), when.toLocalDate().toString(), when.getZone(), tally);
    }

    /** Counts into a month and day already decided (a request's or order's own period, kept on it; no day on old ones). */
    Mono<Void> in(String mallId, String month, String day, ZoneId zone, Tally tally) {
        if (tally.isEmpty()) {
            return Mono.empty();
        }
        if (day == null) {
            return monthDocument(mallId, month, zone, tally.into(new Update()));
        }
        // The month's document is there before any of its days: its watchers are told even after a crash here.
        String monthKey = mallId + "|" + month;
        Mono<Void> monthBegun = monthsWritten.contains(monthKey) ? Mono.empty()
                : monthDocument(mallId, month, zone, new Update()).doOnSuccess(done -> remember(monthKey));
        return monthBegun.then(mongo.upsert(byId(mallId + "|" + day),
                        tally.into(new Update().setOnInsert("mallId", mallId).setOnInsert("day", day)), DAYS)
                .retryWhen(FIRST_WRITE_RACE)
                .flatMap(result -> result.getUpsertedId() == null ? Mono.<Void>empty()
                        : tell(w -> w.dayStarted(mallId, LocalDate.parse(day), zone))));
    }

    private void remember(String monthKey) {
        if (monthsWritten.size() >= MAX_MONTHS_REMEMBERED) {
            monthsWritten.clear();      // bounded without bookkeeping: the next event of each month writes it again
        }
        monthsWritten.add(monthKey);
    }

    /** Writes the month's own document; the write that creates it tells the watchers the month began. */
    private Mono<Void> monthDocument(String mallId, String month, ZoneId zone, Update update) {
        return mongo.upsert(byId(mallId + "|" + month),
                        update.setOnInsert("mallId", mallId).setOnInsert("month", month).setOnInsert(DAYLESS, true),
                        MONTHS)
                .retryWhen(FIRST_WRITE_RACE)
                .flatMap(result -> result.getUpsertedId() == null ? Mono.<Void>empty()
                        : malls.remember(mallId).then(tell(w -> w.monthStarted(mallId, YearMonth.parse(month), zone))));
    }

    Mono<Void> open(String mallId, Tally tally) {
        if (tally.isEmpty()) {
            return Mono.empty();
        }
        return mongo.upsert(byId(mallId), tally.into(new Update().setOnInsert("mallId", mallId)), OPEN_ITEMS)
                .retryWhen(FIRST_WRITE_RACE).then();
    }

    private Mono<Void> tell(java.util.function.Function<PeriodWatcher, Mono<Void>> call) {
        List<PeriodWatcher> all = watchers.orderedStream().toList();
        return Flux.fromIterable(all).concatMap(call).then();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
