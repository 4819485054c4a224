package com.mallservicedesk.intake.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the first report of the same kind at the same floor and zone within the mall's duplicate window: a burst of
 * calls about one leaking pipe should become one job, not five. Each place keeps a small record keyed by mall, kind,
 * floor and zone ({@code open_reports}) naming its latest first report, so the check is two reads by key however long
 * the log grows.
 */
@Component
class Duplicates {

    static final String PLACES = "open_reports";
    private static final Set<RequestStatus> NOT_CANDIDATES = Set.of(RequestStatus.CANCELLED, RequestStatus.MERGED);

    private final ReactiveMongoTemplate mongo;

    Duplicates(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The id of the first report at this place within the window (the root of its duplicates), or empty, in which
     * case this request becomes the place's first report.
     */
    Mono<String> firstReportLike(String requestId, String mallId, RequestKind kind, Location location, Instant receivedAt,
                                 Duration window) {
        if (window.isZero() || location == null || isBlank(location.floor()) || isBlank(location.zone())) {
            return Mono.empty();
        }
        String place = String.join("|", mallId, kind.name(), location.floor(), location.zone());
        return mongo.findById(place, Document.class, PLACES)
                .filter(first -> Duration.between(first.getDate("receivedAt").toInstant(), receivedAt).abs()
                        .compareTo(window) <= 0)
                .flatMap(first -> mongo.findById(first.getString("requestId"), ServiceRequest.class))
                .filter(first -> first.getMallId().equals(mallId) && !NOT_CANDIDATES.contains(first.getStatus()))
                .map(first -> first.getPossibleDuplicateOf() != null ? first.getPossibleDuplicateOf() : first.getId())
                .switchIfEmpty(Mono.defer(() -> mongo.upsert(Query.query(Criteria.where("_id").is(place)),
                                new Update().set("requestId", requestId).set("receivedAt", Date.from(receivedAt)), PLACES)
                        .then(Mono.empty())));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
