package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.store.InsertOnce;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Requests intake cancelled or merged before dispatch saw them registered. Intake's events of one request share a
 * partition and normally arrive in order, but a replay (from the dead-letter tool, or after a consumer reset) can
 * bring the registered event after the cancellation; the marker, read by key before an order is opened, makes the
 * late event open nothing.
 */
@Component
class ClosedRequests {

    /** @param mergedInto the parent's work order when the request was merged as a duplicate */
    @Document("closed_requests")
    record ClosedRequest(@Id String id, String mallId, String requestId, String reason, String mergedInto, Instant closedAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ClosedRequests(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<Void> remember(String mallId, String requestId, String reason, String mergedInto) {
        return InsertOnce.into(mongo, new ClosedRequest(key(mallId, requestId), mallId, requestId, reason, mergedInto,
                clock.instant())).then();
    }

    Mono<Boolean> isClosed(String mallId, String requestId) {
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key(mallId, requestId))), ClosedRequest.class);
    }

    private static String key(String mallId, String requestId) {
        return mallId + ":" + requestId;
    }
}
