package com.mallservicedesk.survey.reception;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reception figures of a mall, each read by key. Paths:
 * <ul>
 *   <li>{@code requests.total|byChannel.<C>|byKind.<K>|byChannelKind.<C>.<K>} — requests received in the period;</li>
 *   <li>{@code outcomes.<K>.<OPEN|ANSWERED_ON_SPOT|SATISFIED_CALLBACK|CANCELLED|MERGED>} — what became of them;</li>
 *   <li>{@code workOrders.created|open|overdueOpen} — work orders created in the period and how many are still open
 *       (and overdue); {@code workOrders.completed|workMinutes|reopened} and {@code workOrders.byDepartment.<D>.…}
 *       — completions in the period with their work time (seed 001 §二.4);</li>
 *   <li>{@code complaints.handled|timely} — complaint orders first completed in the period, and those without a
 *       complaint service-level breach (seed 003 §監控指標);</li>
 *   <li>{@code breaches.total|byRule.<R>|byDepartment.<D>|byRuleDepartment.<R>.<D>}, {@code escalations.total|byRole.<R>};</li>
 *   <li>{@code claims.opened|settled|closedWithoutClaim}.</li>
 * </ul>
 * Open items now: {@code requests.open}, {@code requests.byKind.<K>}, {@code workOrders.open|overdue},
 * {@code workOrders.byDepartment.<D>.open|overdue}, {@code claims.open}.
 */
@Service
public class ReceptionFigures {

    private final ReactiveMongoTemplate mongo;

    ReceptionFigures(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The month's days added up, and what the month counts without a day. */
    public Mono<Counts> month(String mallId, YearMonth month) {
        return months(Map.of(mallId, month)).map(byMall -> byMall.get(mallId));
    }

    /**
     * The whole malls' figures, each of its month ({@code mall → month}): its days and what it counts without a day,
     * read by key for them all in one read per collection.
     */
    public Mono<Map<String, Counts>> months(Map<String, YearMonth> monthOfMall) {
        Map<String, String> mallOfMonth = new HashMap<>();
        Map<String, String> mallOfDay = new HashMap<>();
        monthOfMall.forEach((mallId, month) -> {
            mallOfMonth.put(mallId + "|" + month, mallId);
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                mallOfDay.put(mallId + "|" + month.atDay(day), mallId);
            }
        });
        return Flux.concat(summed(PeriodCounters.MONTHS, mallOfMonth), summed(PeriodCounters.DAYS, mallOfDay))
                .<Map<String, Counts>>reduceWith(HashMap::new, (byMall, found) -> {
                    found.forEach((mallId, counts) -> byMall.merge(mallId, counts, Counts::plus));
                    return byMall;
                })
                .map(byMall -> {
                    monthOfMall.keySet().forEach(mallId -> byMall.putIfAbsent(mallId, Counts.empty()));
                    return byMall;
                });
    }

    /** The documents with these keys, added up by the mall each key belongs to. */
    private Mono<Map<String, Counts>> summed(String collection, Map<String, String> mallOfKey) {
        return mongo.find(Query.query(Criteria.where("_id").in(mallOfKey.keySet())), Document.class, collection)
                .<Map<String, Counts>>reduceWith(HashMap::new, (byMall, found) -> {
                    byMall.merge(mallOfKey.get(found.getString("_id")), Counts.of(found), Counts::plus);
                    return byMall;
                });
    }

    public Mono<Counts> day(String mallId, LocalDate day) {
        return read(PeriodCounters.DAYS, mallId + "|" + day);
    }

    /** Days added up: one walk over the keys {@code <mall>|<from>} to {@code <mall>|<toInclusive>} (ISO days sort so). */
    public Mono<Counts> days(String mallId, LocalDate from, LocalDate toInclusive) {
        var days = Criteria.where("_id").gte(mallId + "|" + from).lte(mallId + "|" + toInclusive);
        return mongo.find(Query.query(days), Document.class, PeriodCounters.DAYS)
                .filter(day -> mallId.equals(day.getString("mallId")))
                .map(Counts::of)
                .reduce(Counts.empty(), Counts::plus);
    }

    public Mono<Counts> openItems(String mallId) {
        return read(PeriodCounters.OPEN_ITEMS, mallId);
    }

    private Mono<Counts> read(String collection, String id) {
        return mongo.findById(id, Document.class, collection).map(Counts::of).defaultIfEmpty(Counts.empty());
    }
}
