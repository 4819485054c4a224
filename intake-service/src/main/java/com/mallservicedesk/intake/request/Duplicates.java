package com.mallservicedesk.intake.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the first report of the same kind at the same floor and zone within the mall's duplicate window:
 * a burst of calls about one leaking pipe should become one job, not five.
 */
@Component
class Duplicates {

    private static final List<RequestStatus> NOT_CANDIDATES = List.of(RequestStatus.CANCELLED, RequestStatus.MERGED);

    private final ReactiveMongoTemplate mongo;

    Duplicates(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The id of the first such report (the root of its duplicates), or empty. */
    Mono<String> firstReportLike(String mallId, RequestKind kind, Location location, Instant receivedAt, Duration window) {
        if (window.isZero() || location == null || isBlank(location.floor()) || isBlank(location.zone())) {
            return Mono.empty();
        }
        var query = Query.query(Criteria.where("mallId").is(mallId)
                        .and("kind").is(kind)
                        .and("location.floor").is(location.floor())
                        .and("location.zone").is(location.zone())
                        .and("status").nin(NOT_CANDIDATES)
                        .and("receivedAt").gte(receivedAt.minus(window)).lte(receivedAt.plus(window)))
                .with(Sort.by("receivedAt", "registeredAt"))
                .limit(1);
        query.fields().include("_id", "possibleDuplicateOf");
        return mongo.findOne(query, ServiceRequest.class)
                .map(first -> first.getPossibleDuplicateOf() != null ? first.getPossibleDuplicateOf() : first.getId());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
