package com.mallservicedesk.survey.reception;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Instant;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Claim files opened and archived (settled or closed without a claim), seed 000 §第三條 6. */
@Service
class ClaimTracking {

    private final ReactiveMongoTemplate mongo;
    private final PeriodCounters counters;
    private final MallSettings settings;

    ClaimTracking(ReactiveMongoTemplate mongo, PeriodCounters counters, MallSettings settings) {
        this.mongo = mongo;
        this.counters = counters;
        this.settings = settings;
    }

    /**
     * Opened once: a new file counts as opened and open. A file whose archiving arrived first (events out of order) is
     * counted opened when its opening comes (once: only while it has no opening time), and never as open.
     */
    Mono<Void> opened(IncomingEvent event, ClaimChange claim) {
        Instant at = claim.occurredAt() != null ? claim.occurredAt() : event.time();
        var tracked = new TrackedClaim(claim.claimId(), event.mallId(), claim.requestId(), at, null, null);
        Mono<Void> countOpened = settings.zoneOf(event.mallId())
                .flatMap(zone -> counters.at(event.mallId(), at.atZone(zone), new Tally().add("claims.opened", 1)));
        var archivedUnopened = Query.query(Criteria.where("_id").is(claim.claimId()).and("mallId").is(event.mallId())
                .and("openedAt").is(null).and("outcome").ne(null));
        return InsertOnce.into(mongo, tracked)
                .flatMap(first -> countOpened.then(counters.open(event.mallId(), new Tally().add("claims.open", 1)))
                        .thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> mongo.findAndModify(archivedUnopened, new Update().set("openedAt", at),
                                TrackedClaim.class)
                        .flatMap(archivedFirst -> countOpened.thenReturn(true))))
                .then();
    }

    /** Archived once: an open file closes (and leaves the open items); a file survey never saw opened is noted archived. */
    Mono<Void> archived(IncomingEvent event, ClaimChange claim) {
        Instant at = claim.archivedAt() != null ? claim.archivedAt() : event.time();
        String counted = "SETTLED".equals(claim.outcome()) ? "claims.settled" : "claims.closedWithoutClaim";
        var open = Query.query(Criteria.where("_id").is(claim.claimId()).and("mallId").is(event.mallId())
                .and("outcome").is(null));
        var archive = new Update().set("outcome", claim.outcome()).set("archivedAt", at);
        Mono<Void> count = settings.zoneOf(event.mallId())
                .flatMap(zone -> counters.at(event.mallId(), at.atZone(zone), new Tally().add(counted, 1)));
        return mongo.findAndModify(open, archive, FindAndModifyOptions.options().returnNew(false), TrackedClaim.class)
                .map(was -> true)
                .defaultIfEmpty(false)
                .flatMap(wasOpen -> wasOpen
                        ? count.then(counters.open(event.mallId(), new Tally().add("claims.open", -1)))
                        : InsertOnce.into(mongo, new TrackedClaim(claim.claimId(), event.mallId(), claim.requestId(),
                                null, claim.outcome(), at)).flatMap(unseen -> count));
    }
}
