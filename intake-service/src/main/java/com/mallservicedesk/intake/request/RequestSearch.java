package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds requests of one mall by status, kind, channel, department, date range and free text, paged. */
@Component
class RequestSearch {

    /** What the reception log sorts by; newest received first unless asked otherwise. */
    static final SortFields SORTS = SortFields.by("receivedAt", "registeredAt", "number", "status", "priority", "kind")
            .byDefault("receivedAt,desc");

    record Filter(RequestStatus status, RequestKind kind, Channel channel, String department, Instant from, Instant to,
                  String text) {
    }

    private final ReactiveMongoTemplate mongo;

    RequestSearch(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<PageView<ServiceRequest>> find(String mallId, Filter filter, ListQuery list) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        if (filter.channel() != null) {
            criteria = criteria.and("channel").is(filter.channel());
        }
        if (filter.department() != null) {
            criteria = criteria.and("department").is(filter.department());
        }
        if (filter.from() != null && filter.to() != null) {
            criteria = criteria.and("receivedAt").gte(filter.from()).lt(filter.to());
        } else if (filter.from() != null) {
            criteria = criteria.and("receivedAt").gte(filter.from());
        } else if (filter.to() != null) {
            criteria = criteria.and("receivedAt").lt(filter.to());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // Quoted: the text is matched literally, never as a pattern the caller controls.
            var text = Pattern.compile(Pattern.quote(filter.text().trim()), Pattern.CASE_INSENSITIVE);
            criteria = criteria.orOperator(Criteria.where("description").regex(text), Criteria.where("number").regex(text),
                    Criteria.where("customer.name").regex(text), Criteria.where("category").regex(text));
        }
        var count = mongo.count(Query.query(criteria), ServiceRequest.class);
        var items = mongo.find(Query.query(criteria).with(list.sort()).skip(list.offset()).limit(list.size()),
                ServiceRequest.class).collectList();
        return Mono.zip(items, count).map(t -> list.page(t.getT1(), t.getT2()));
    }
}
