package com.mallservicedesk.survey.reception;

import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.LayoutConversion;
import java.time.YearMonth;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Brings month documents of the earlier layout, which counted every event of the month as its days did, to the current
 * one, where a month counts only what has no day and its figures are that plus the sum of its days
 * ({@link PeriodCounters}). Each such document loses the sum of its days and gains {@value PeriodCounters#DAYLESS}, in
 * one write that applies only while it lacks the mark, so two instances doing it at once, or a second start, change
 * nothing twice. Runs once per store, at start and before the service consumes events (a lower phase than the
 * listeners'), since an event counted in a day meanwhile would be subtracted from a month that never had it.
 */
@Component
class ReceptionMonthsLayout extends LayoutConversion {

    /** Marks a store whose month documents are all in the current layout. */
    static final String MONTHS_HOLD_DAYLESS_ONLY = "~months-hold-dayless-only";

    private final ReactiveMongoTemplate mongo;
    private final ReceptionFigures figures;

    ReceptionMonthsLayout(ReactiveMongoTemplate mongo, ReceptionFigures figures) {
        this.mongo = mongo;
        this.figures = figures;
    }

    /** Converts what is left in the earlier layout; the number of month documents converted. */
    @Override
    protected Mono<Long> convert() {
        return mongo.exists(Query.query(Criteria.where("_id").is(MONTHS_HOLD_DAYLESS_ONLY)), PeriodCounters.MONTHS)
                .flatMap(done -> done ? Mono.just(0L) : mongo.find(
                                Query.query(Criteria.where(PeriodCounters.DAYLESS).exists(false)
                                        .and("month").exists(true)), Document.class, PeriodCounters.MONTHS)
                        .concatMap(this::withoutItsDays)
                        .filter(Boolean::booleanValue).count()
                        .flatMap(converted -> InsertOnce.into(mongo, new Document("_id", MONTHS_HOLD_DAYLESS_ONLY),
                                PeriodCounters.MONTHS).thenReturn(converted)));
    }

    private Mono<Boolean> withoutItsDays(Document month) {
        String mallId = month.getString("mallId");
        YearMonth yearMonth = YearMonth.parse(month.getString("month"));
        return figures.days(mallId, yearMonth.atDay(1), yearMonth.atEndOfMonth()).flatMap(days -> {
            Update update = new Update().set(PeriodCounters.DAYLESS, true);
            days.asMap().forEach((path, value) -> update.inc(path, -value));
            var stillEarlier = Query.query(Criteria.where("_id").is(month.getString("_id"))
                    .and(PeriodCounters.DAYLESS).exists(false));
            return mongo.updateFirst(stillEarlier, update, PeriodCounters.MONTHS)
                    .map(result -> result.getModifiedCount() > 0);
        });
    }

    @Override
    protected String convertedMessage() {
        return "Reception months: {} month documents now count only what has no day; a month is the sum of "
                + "its days and that";
    }
}
