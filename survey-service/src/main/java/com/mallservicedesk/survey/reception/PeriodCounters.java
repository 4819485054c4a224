package com.mallservicedesk.survey.reception;

import com.mallservicedesk.survey.settings.KnownMalls;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
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
 * Writes the reception figures: per mall and month ({@code <mall>|<YYYY-MM>}), per mall and day
 * ({@code <mall>|<YYYY-MM-DD>}) and the mall's open items now ({@code <mall>}), each one {@code $inc} by key. The
 * first write of a period tells the {@link PeriodWatcher}s.
 */
@Component
class PeriodCounters {

    static final String MONTHS = "reception_months";
    static final String DAYS = "reception_days";
    static final String OPEN_ITEMS = "reception_open_items";

    /**
     * Two first writes of one period racing can make one upsert fail on the key; it changed nothing, so writing again
     * is safe (the event's tracked copy is already stored, so the inbox's retry would not count it again).
     */
    private static final Retry FIRST_WRITE_RACE = Retry.max(3).filter(DuplicateKeyException.class::isInstance);

    private final ReactiveMongoTemplate mongo;
    private final KnownMalls malls;
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

    /** Counts into a month and day already decided (a request's or order's own period, kept on it). */
    Mono<Void> in(String mallId, String month, String day, ZoneId zone, Tally tally) {
        if (tally.isEmpty()) {
            return Mono.empty();
        }
        Mono<Void> monthWrite = mongo.upsert(byId(mallId + "|" + month),
                        tally.into(new Update().setOnInsert("mallId", mallId).setOnInsert("month", month)), MONTHS)
                .retryWhen(FIRST_WRITE_RACE)
                .flatMap(result -> result.getUpsertedId() == null ? Mono.<Void>empty()
                        : malls.remember(mallId).then(tell(w -> w.monthStarted(mallId, YearMonth.parse(month), zone))));
        Mono<Void> dayWrite = day == null ? Mono.empty() : mongo.upsert(byId(mallId + "|" + day),
                        tally.into(new Update().setOnInsert("mallId", mallId).setOnInsert("day", day)), DAYS)
                .retryWhen(FIRST_WRITE_RACE)
                .flatMap(result -> result.getUpsertedId() == null ? Mono.<Void>empty()
                        : tell(w -> w.dayStarted(mallId, LocalDate.parse(day), zone)));
        return monthWrite.then(dayWrite);
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
