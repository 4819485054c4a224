package com.mallservicedesk.survey.reception;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Instant;
import java.util.Optional;
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
     * counted opened when its opening comes (once: only while it has no opening time), and never as open. The figures
     * move before the tracked file is stored ({@link PeriodCounters#count}).
     */
    Mono<Void> opened(IncomingEvent event, ClaimChange claim) {
        String mallId = event.mallId();
        Instant at = claim.occurredAt() != null ? claim.occurredAt() : event.time();
        return settings.zoneOf(mallId).flatMap(zone -> known(claim.claimId()).flatMap(stored -> {
            var opened = new FigureMoves(mallId, zone).at(at.atZone(zone), new Tally().add("claims.opened", 1));
            if (stored.isEmpty()) {
                return counters.count(event, opened.open(new Tally().add("claims.open", 1)),
                        InsertOnce.into(mongo,
                                new TrackedClaim(claim.claimId(), mallId, claim.requestId(), at, null, null)));
            }
            TrackedClaim file = stored.get();
            if (!mallId.equals(file.mallId()) || file.openedAt() != null || file.outcome() == null) {
                return Mono.<Void>empty();
            }
            var archivedUnopened = mine(claim.claimId(), mallId).addCriteria(Criteria.where("openedAt").is(null));
            return counters.count(event, opened,
                    mongo.updateFirst(archivedUnopened, new Update().set("openedAt", at), TrackedClaim.class));
        }));
    }

    /** Archived once: an open file closes (and leaves the open items); a file survey never saw opened is noted archived. */
    Mono<Void> archived(IncomingEvent event, ClaimChange claim) {
        String mallId = event.mallId();
        Instant at = claim.archivedAt() != null ? claim.archivedAt() : event.time();
        String counted = "SETTLED".equals(claim.outcome()) ? "claims.settled" : "claims.closedWithoutClaim";
        return settings.zoneOf(mallId).flatMap(zone -> known(claim.claimId()).flatMap(stored -> {
            var archived = new FigureMoves(mallId, zone).at(at.atZone(zone), new Tally().add(counted, 1));
            if (stored.isEmpty()) {
                return counters.count(event, archived, InsertOnce.into(mongo,
                        new TrackedClaim(claim.claimId(), mallId, claim.requestId(), null, claim.outcome(), at)));
            }
            TrackedClaim file = stored.get();
            if (!mallId.equals(file.mallId()) || file.outcome() != null) {
                return Mono.<Void>empty();
            }
            var open = mine(claim.claimId(), mallId).addCriteria(Criteria.where("outcome").is(null));
            return counters.count(event, archived.open(new Tally().add("claims.open", -1)), mongo.updateFirst(open,
                    new Update().set("outcome", claim.outcome()).set("archivedAt", at), TrackedClaim.class));
        }));
    }

    private Mono<Optional<TrackedClaim>> known(String claimId) {
        return mongo.findById(claimId, TrackedClaim.class).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static Query mine(String claimId, String mallId) {
        return Query.query(Criteria.where("_id").is(claimId).and("mallId").is(mallId));
    }
}
