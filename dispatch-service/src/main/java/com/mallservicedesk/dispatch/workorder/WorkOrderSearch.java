package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.mall.Malls;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.InMemoryOrder;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The filtered, paged work-order list; always within one mall.
 *
 * <p>The list of open orders ({@code open=true}), which the department console loads, is read as the mall's open set
 * (each open order's {@value WorkOrder#OPEN_KEY}, one range of its index) and filtered, ordered and paged here, so it
 * costs as much as the mall has open, however many orders are done: the embedded MongoDB-wire server answers from an
 * index only by {@code _id} or a unique key, and would read every order of every mall for a query on the mall and
 * department. Every other list is a query of the mall's orders.
 */
@Component
class WorkOrderSearch {

    /** The fields the list sorts by, newest first ({@code createdAt,desc}) unless asked otherwise. */
    static final SortFields SORTS = SortFields.by("createdAt", "orderedAt", "completedAt", "status", "department", "kind")
            .byDefault("createdAt,desc");

    /** The statuses of an open order, in their declared order. */
    static final List<WorkOrderStatus> OPEN = Arrays.stream(WorkOrderStatus.values()).filter(WorkOrderStatus::open).toList();

    /**
     * The orders the list offers, compared as MongoDB sorts the stored fields: ascending, a missing value before any
     * other, text by its bytes (no collation), {@code _id} last to break ties.
     */
    private static final Map<String, Comparator<WorkOrder>> ORDERS = Map.of(
            "createdAt", InMemoryOrder.byTime(WorkOrder::storedCreatedAt),
            "orderedAt", InMemoryOrder.byTime(WorkOrder::getOrderedAt),
            "completedAt", InMemoryOrder.byTime(WorkOrder::getCompletedAt),
            "status", InMemoryOrder.byText(o -> o.getStatus() == null ? null : o.getStatus().name()),
            "department", InMemoryOrder.byText(WorkOrder::getDepartment),
            "kind", InMemoryOrder.byText(WorkOrder::getKind),
            "_id", InMemoryOrder.byText(WorkOrder::getId));

    /**
     * @param open only the mall's open orders ({@value WorkOrder#OPEN_KEY}); false: orders of every status
     */
    record Filter(String department, WorkOrderStatus status, Boolean overdue, String kind, LocalDate date, boolean open) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Malls malls;

    WorkOrderSearch(ReactiveMongoTemplate mongo, Malls malls) {
        this.mongo = mongo;
        this.malls = malls;
    }

    /** @param view how the caller sees each order (phone numbers by the disclosure rule) */
    Mono<PageView<WorkOrderView>> search(String mallId, Filter filter, ListQuery list,
                                         Function<WorkOrder, WorkOrderView> view) {
        return malls.of(mallId).flatMap(mall -> search(mallId, mall.zone(), filter, list, view));
    }

    private Mono<PageView<WorkOrderView>> search(String mallId, ZoneId zone, Filter filter, ListQuery list,
                                                 Function<WorkOrder, WorkOrderView> view) {
        if (filter.open()) {
            Optional<Comparator<WorkOrder>> order = inMemory(list.sort());
            if (order.isPresent()) {
                return openPage(mallId, zone, filter, list, order.get(), view);
            }
        }
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (filter.department() != null) {
            criteria = criteria.and("department").is(filter.department());
        }
        if (filter.open()) {
            // Only reached for an order the list cannot give in memory (none of SORTS today).
            criteria = criteria.and("status").in(filter.status() == null ? OPEN
                    : OPEN.stream().filter(open -> open == filter.status()).toList());
        } else if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.overdue() != null) {
            criteria = criteria.and("overdue").is(filter.overdue());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        if (filter.date() != null) {
            // The day as the mall lives it, in the mall's own zone, not the UTC day.
            Day day = Day.of(filter.date(), zone);
            criteria = criteria.and("createdAt").gte(day.from()).lt(day.to());
        }
        Query count = Query.query(criteria);
        Query pageQuery = Query.query(criteria).with(list.sort()).skip(list.offset()).limit(list.size());
        return Mono.zip(mongo.find(pageQuery, WorkOrder.class).map(view).collectList(), mongo.count(count, WorkOrder.class))
                .map(both -> list.page(both.getT1(), both.getT2()));
    }

    /**
     * The page of the mall's open orders: the query is nothing but the range of the key (the local store walks a
     * unique index in order only then); the other filters are matched here as the query above matches the stored
     * fields, and only the page's orders are turned into views.
     */
    private Mono<PageView<WorkOrderView>> openPage(String mallId, ZoneId zone, Filter filter, ListQuery list,
                                                   Comparator<WorkOrder> order, Function<WorkOrder, WorkOrderView> view) {
        return mongo.find(WorkingSetKey.ofMall(WorkOrder.OPEN_KEY, mallId), WorkOrder.class)
                .filter(o -> mallId.equals(o.getMallId()) && o.getStatus() != null && o.getStatus().open())
                .filter(matches(filter, zone))
                .collectSortedList(order)
                .map(list::slice)
                .map(page -> new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(),
                        page.total()));
    }

    /** The filters as the query matches them: each field equal to the one asked for, the day by the stored time. */
    private static Predicate<WorkOrder> matches(Filter f, ZoneId zone) {
        Day day = f.date() == null ? null : Day.of(f.date(), zone);
        return o -> (f.department() == null || f.department().equals(o.getDepartment()))
                && (f.status() == null || f.status() == o.getStatus())
                && (f.overdue() == null || f.overdue() == o.isOverdue())
                && (f.kind() == null || f.kind().equals(o.getKind()))
                && (day == null || day.contains(o.storedCreatedAt()));
    }

    /** The mall's local day as the half-open range of instants it covers. */
    private record Day(Instant from, Instant to) {

        static Day of(LocalDate date, ZoneId zone) {
            return new Day(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
        }

        boolean contains(Instant at) {
            return at != null && !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** The list's order in memory, as MongoDB gives it; empty if it cannot be given here. */
    static Optional<Comparator<WorkOrder>> inMemory(Sort sort) {
        return InMemoryOrder.of(sort, ORDERS);
    }
}
