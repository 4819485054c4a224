package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.policy.MallPolicies;
import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opens claim files for incidents and stores what the claim handlers do with them. Every change goes through the
 * aggregate store (state, events and timers in one write); the stage counters and metrics follow the stored change.
 */
@Service
public class Claims {

    private final AggregateStore<Claim> claims;
    private final MallPolicies policies;
    private final PlaceLog places;
    private final ClaimMetrics metrics;
    private final Clock clock;

    Claims(AggregateStores stores, MallPolicies policies, PlaceLog places, ClaimStageCounts counts, ClaimMetrics metrics,
           Clock clock) {
        // Every write moves the claim between the counters of its stage in the same write.
        this.claims = stores.of(Claim.class, "claim").countedIn(counts.counters(), ClaimStageCounts::labels);
        this.policies = policies;
        this.places = places;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The mall's claim, or a 404 problem (also for another mall's claim). */
    public Mono<Claim> find(String mallId, String id) {
        return claims.find(mallId, id);
    }

    // ------------------------------------------------------------------ opening

    /**
     * Every registered request goes into the place log; an incident opens its claim file once (a redelivered
     * registration finds it stored), and requests at the same place shortly before or after are linked.
     */
    Mono<Void> onRegistered(IncomingEvent event, ReportedIncident request) {
        String mallId = event.mallId();
        var logged = new PlaceLog.Request(request.requestId(), request.number(), request.kind(), request.description(),
                request.receivedAt());
        Mono<Void> linkToLaterIncidents = places.recordRequest(mallId, request.location(), logged)
                .filter(incident -> !incident.claimId().equals(Claim.idFor(request.requestId())))
                .concatMap(incident -> claims.changeIfPresent(mallId, incident.claimId(), claim -> {
                    claim.link(linked(logged, LinkedRequest.How.AUTO, null, null));
                    return List.of();
                }))
                .then();
        if (!request.isIncident()) {
            return linkToLaterIncidents;
        }
        Mono<Claim> open = policies.of(mallId).flatMap(policy -> claims.create(
                Claim.open(mallId, request, clock.instant(), DueTimes.of(policy))));
        return linkToLaterIncidents.then(open.flatMap(this::opened)).then();
    }

    /** An incident registered directly at claims. */
    Mono<Claim> register(String mallId, IncidentFacts facts, PlatformUser user) {
        String id = "claim-" + TimeOrderedIds.next();
        return policies.of(mallId)
                .flatMap(policy -> claims.create(Claim.register(mallId, id, facts, user.id(), user.name(), clock.instant(),
                        DueTimes.of(policy))))
                .flatMap(this::opened);
    }

    private Mono<Claim> opened(Claim claim) {
        metrics.opened(claim.getMallId());
        return linkEarlierRequests(claim).defaultIfEmpty(claim);
    }

    private Mono<Claim> linkEarlierRequests(Claim claim) {
        if (claim.getLocation() == null) {
            return Mono.just(claim);
        }
        Instant now = clock.instant();
        return places.recordIncident(claim.getMallId(), claim.getLocation(),
                        new PlaceLog.Incident(claim.getId(), claim.getOccurredAt()))
                .collectList()
                .flatMap(earlier -> earlier.isEmpty() ? Mono.just(claim)
                        : claims.changeIfPresent(claim.getMallId(), claim.getId(), c -> {
                            earlier.forEach(r -> c.link(linked(r, LinkedRequest.How.AUTO, null, null, now)));
                            return List.of();
                        }));
    }

    private LinkedRequest linked(PlaceLog.Request r, LinkedRequest.How how, String note, String by) {
        return linked(r, how, note, by, clock.instant());
    }

    private static LinkedRequest linked(PlaceLog.Request r, LinkedRequest.How how, String note, String by, Instant now) {
        return new LinkedRequest(r.requestId(), r.number(), r.kind(), r.description(), r.receivedAt(), how, note, by, now);
    }

    // ------------------------------------------------------------------ what handlers do

    Mono<Claim> updateFacts(String mallId, String id, IncidentFacts facts, PlatformUser user) {
        return change(mallId, id, claim -> claim.updateFacts(facts, user.id(), clock.instant()));
    }

    Mono<Claim> assignHandler(String mallId, String id, String handlerId, String handlerName, PlatformUser user) {
        return change(mallId, id, claim -> claim.assignHandler(handlerId, handlerName, user.id(), clock.instant()));
    }

    Mono<Claim> check(String mallId, String id, ChecklistItem item, CheckItem.Status status, Instant doneAt, String note,
                      PlatformUser user) {
        return change(mallId, id, claim -> claim.check(item, status, doneAt, note, user.id(), clock.instant()));
    }

    Mono<Claim> move(String mallId, String id, ClaimStage to, ClaimStage.Outcome outcome, BigDecimal settledAmount,
                     String note, PlatformUser user) {
        return policies.of(mallId).flatMap(policy -> change(mallId, id, claim -> claim.moveTo(to, outcome, settledAmount,
                note, user.id(), clock.instant(), DueTimes.of(policy))));
    }

    Mono<Claim> linkRequest(String mallId, String id, PlaceLog.Request request, String note, PlatformUser user) {
        return change(mallId, id, claim -> claim.linkByHand(linked(request, LinkedRequest.How.MANUAL, note, user.id())));
    }

    Mono<Claim> addEvidence(String mallId, String id, EvidenceItem item) {
        return change(mallId, id, claim -> claim.addEvidence(item, clock.instant()));
    }

    Mono<Claim> addWitness(String mallId, String id, Witness witness) {
        return change(mallId, id, claim -> claim.addWitness(witness, clock.instant()));
    }

    Mono<Claim> addCost(String mallId, String id, Cost cost) {
        return change(mallId, id, claim -> claim.addCost(cost, clock.instant()));
    }

    Mono<Claim> settleCost(String mallId, String id, String costId, BigDecimal amount, PlatformUser user) {
        return change(mallId, id, claim -> claim.settleCost(costId, amount, user.id(), clock.instant()));
    }

    /** Pays the advance within the cap, or stores it waiting for approval; the caller answers 422 for the latter. */
    Mono<Advance> requestAdvance(String mallId, String id, BigDecimal amount, String purpose, String paidTo,
                                 PlatformUser user) {
        String advanceId = "adv-" + UUID.randomUUID();
        return policies.of(mallId)
                .flatMap(policy -> change(mallId, id, claim -> claim.requestAdvance(advanceId, amount, purpose, paidTo,
                        policy.advanceCapCny(), user.id(), clock.instant())))
                .map(claim -> claim.advanceFor(advanceId, amount, purpose, paidTo))
                .doOnNext(advance -> {
                    if (advance.id().equals(advanceId)) {
                        metrics.advance(mallId, advance.status().name(), advance.amountCny());
                    }
                });
    }

    Mono<Claim> approveAdvance(String mallId, String id, String advanceId, String reason, PlatformUser user) {
        return change(mallId, id, claim -> claim.approveAdvance(advanceId, reason, user.id(), clock.instant()))
                .doOnNext(claim -> metrics.advance(mallId, Advance.Status.APPROVED.name(),
                        claim.advance(advanceId).amountCny()));
    }

    /** A checklist item's deadline passed (called by the timer handler; may run twice for one timer). */
    Mono<Void> stepOverdue(String mallId, String id, ChecklistItem item) {
        return counted(claim -> claim.stepOverdue(item, clock.instant()),
                counting -> claims.changeIfPresent(mallId, id, counting)).then();
    }

    // ------------------------------------------------------------------ the one way a change is stored

    Mono<Claim> change(String mallId, String id, Function<Claim, List<DomainEvent>> change) {
        return counted(change, counting -> claims.change(mallId, id, counting));
    }

    Mono<Claim> changeIfPresent(String mallId, String id, Function<Claim, List<DomainEvent>> change) {
        return counted(change, counting -> claims.changeIfPresent(mallId, id, counting));
    }

    /** Runs the change through the store, then meters what the stored change caused. */
    private Mono<Claim> counted(Function<Claim, List<DomainEvent>> change,
                                Function<Function<Claim, List<DomainEvent>>, Mono<Claim>> store) {
        var before = new Object() {
            Instant firstReported;
            List<DomainEvent> caused = List.of();
        };
        return store.apply(claim -> {
            // Runs again on a retry: what is counted is the attempt that was stored.
            before.firstReported = claim.getFirstReportedToInsurerAt();
            before.caused = change.apply(claim);
            return before.caused;
        }).doOnNext(saved -> count(saved, before.firstReported, before.caused));
    }

    private void count(Claim claim, Instant firstReportedBefore, List<DomainEvent> caused) {
        String mall = claim.getMallId();
        for (DomainEvent event : caused) {
            if (event instanceof ClaimEvents.StepOverdue overdue) {
                metrics.stepOverdue(mall, overdue.item().name());
            } else if (event instanceof ClaimEvents.Archived archived) {
                metrics.archived(mall, archived.outcome().name());
            } else if (event instanceof ClaimEvents.ReportedToInsurer reported && firstReportedBefore == null
                    && claim.getOccurredAt() != null) {
                metrics.firstNoticeOfLoss(mall, reported.channel().name(),
                        Duration.between(claim.getOccurredAt(), reported.reportedAt()));
            }
        }
    }
}
