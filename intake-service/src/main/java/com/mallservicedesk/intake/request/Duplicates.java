package com.mallservicedesk.intake.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the first report of the same kind at the same floor and zone within the mall's duplicate window: a burst of
 * calls about one leaking pipe should become one job, not five. Each place keeps a small record keyed by mall, kind,
 * floor and zone ({@code open_reports}) naming its latest first report, so the check goes by key however long the log
 * grows: one conditional write when the place has no first report within the window (the usual case), which makes
 * this request its first; otherwise two reads by key.
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
        // Matches the place's record only when its first report is outside the window; with none, the upsert inserts
        // it. A first report within the window makes that insert fail on the key, and only then is it read.
        var noFirstReportWithin = Query.query(Criteria.where("_id").is(place).orOperator(
                Criteria.where("receivedAt").lt(Date.from(receivedAt.minus(window))),
                Criteria.where("receivedAt").gt(Date.from(receivedAt.plus(window)))));
        return becomeFirst(noFirstReportWithin, requestId, receivedAt)
                .onErrorResume(DuplicateKeyException.class, within -> firstReportWithin(place, requestId, mallId,
                        receivedAt, window));
    }

    private Mono<String> firstReportWithin(String place, String requestId, String mallId, Instant receivedAt,
                                           Duration window) {
        return mongo.findById(place, Document.class, PLACES)
                .filter(first -> Duration.between(first.getDate("receivedAt").toInstant(), receivedAt).abs()
                        .compareTo(window) <= 0)
                .flatMap(first -> mongo.findById(first.getString("requestId"), ServiceRequest.class))
                .filter(first -> first.getMallId().equals(mallId) && !NOT_CANDIDATES.contains(first.getStatus()))
                .map(first -> first.getPossibleDuplicateOf() != null ? first.getPossibleDuplicateOf() : first.getId())
                // Cancelled, merged or never stored: this request takes the place over.
                .switchIfEmpty(Mono.defer(() -> becomeFirst(Query.query(Criteria.where("_id").is(place)), requestId,
                        receivedAt)));
    }

    /** Makes the request the place's first report where the query matches (or the place has no record); never a value. */
    private Mono<String> becomeFirst(Query place, String requestId, Instant receivedAt) {
        return mongo.upsert(place, new Update().set("requestId", requestId).set("receivedAt", Date.from(receivedAt)),
                PLACES).then(Mono.empty());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
