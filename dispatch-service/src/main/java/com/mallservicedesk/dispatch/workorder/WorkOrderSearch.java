package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.department.Departments;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The filtered, paged work-order list; always within one mall. */
@Component
class WorkOrderSearch {

    record Filter(String department, WorkOrderStatus status, Boolean overdue, String kind, LocalDate date) {
    }

    record Page(List<WorkOrderView> items, int page, int size, long total) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Departments departments;

    WorkOrderSearch(ReactiveMongoTemplate mongo, Departments departments) {
        this.mongo = mongo;
        this.departments = departments;
    }

    Mono<Page> search(String mallId, Filter filter, int page, int size) {
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
            // The day as the mall lives it, not the UTC day.
            var zone = departments.defaultZone();
            criteria = criteria.and("createdAt").gte(filter.date().atStartOfDay(zone).toInstant())
                    .lt(filter.date().plusDays(1).atStartOfDay(zone).toInstant());
        }
        Query count = Query.query(criteria);
        Query pageQuery = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .skip((long) page * size).limit(size);
        return Mono.zip(mongo.find(pageQuery, WorkOrder.class).map(WorkOrderView::of).collectList(),
                        mongo.count(count, WorkOrder.class))
                .map(both -> new Page(both.getT1(), page, size, both.getT2()));
    }
}
