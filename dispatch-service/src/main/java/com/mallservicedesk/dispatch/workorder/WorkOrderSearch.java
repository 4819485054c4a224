package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.mall.Malls;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import java.time.LocalDate;
import java.util.function.Function;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The filtered, paged work-order list; always within one mall. */
@Component
class WorkOrderSearch {

    /** The fields the list sorts by, newest first ({@code createdAt,desc}) unless asked otherwise. */
    static final SortFields SORTS = SortFields.by("createdAt", "orderedAt", "completedAt", "status", "department", "kind")
            .byDefault("createdAt,desc");

    record Filter(String department, WorkOrderStatus status, Boolean overdue, String kind, LocalDate date) {
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

    private Mono<PageView<WorkOrderView>> search(String mallId, java.time.ZoneId zone, Filter filter, ListQuery list,
                                                 Function<WorkOrder, WorkOrderView> view) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (filter.department() != null) {
            criteria = criteria.and("department").is(filter.department());
        }
        if (filter.status() != null) {
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
            criteria = criteria.and("createdAt").gte(filter.date().atStartOfDay(zone).toInstant())
                    .lt(filter.date().plusDays(1).atStartOfDay(zone).toInstant());
        }
        Query count = Query.query(criteria);
        Query pageQuery = Query.query(criteria).with(list.sort()).skip(list.offset()).limit(list.size());
        return Mono.zip(mongo.find(pageQuery, WorkOrder.class).map(view).collectList(), mongo.count(count, WorkOrder.class))
                .map(both -> list.page(both.getT1(), both.getT2()));
    }
}
