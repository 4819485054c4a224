package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.AggregateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Feeds the timeline from the other services' events, so the front desk sees where each request is. Every
 * entry is keyed by the event id, so a redelivered event changes nothing.
 */
@Service
class RequestProgress {

    private static final Logger log = LoggerFactory.getLogger(RequestProgress.class);

    /** Timeline type and the request status each work-order event leads to (null: status unchanged). */
    private record Step(String timelineType, RequestStatus status) {
    }

    static final Map<String, Step> WORK_ORDER_STEPS = Map.ofEntries(
            Map.entry("mall.dispatch.work-order.created.v1", new Step("DISPATCHED", RequestStatus.DISPATCHED)),
            Map.entry("mall.dispatch.work-order.reassigned.v1", new Step("REASSIGNED", null)),
            Map.entry("mall.dispatch.work-order.accepted.v1", new Step("WORK_ACCEPTED", RequestStatus.IN_PROGRESS)),
            Map.entry("mall.dispatch.work-order.contacted.v1", new Step("CUSTOMER_CONTACTED", null)),
            Map.entry("mall.dispatch.work-order.delayed.v1", new Step("DELAYED", null)),
            Map.entry("mall.dispatch.work-order.completed.v1", new Step("COMPLETED", RequestStatus.COMPLETED)),
            Map.entry("mall.dispatch.work-order.transferred.v1", new Step("TRANSFERRED", null)),
            Map.entry("mall.dispatch.work-order.escalated.v1", new Step("ESCALATED", null)),
            Map.entry("mall.dispatch.work-order.sla-breached.v1", new Step("SLA_BREACHED", null)),
            Map.entry("mall.dispatch.work-order.reopened.v1", new Step("REOPENED", RequestStatus.IN_PROGRESS)),
            Map.entry("mall.dispatch.work-order.cancelled.v1", new Step("WORK_ORDER_CANCELLED", null)));

    private final AggregateStore<ServiceRequest> store;
    private final Clock clock;

    RequestProgress(AggregateStore<ServiceRequest> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Mono<?> onWorkOrder(IncomingEvent event, WorkOrderChange change) {
        Step step = WORK_ORDER_STEPS.get(event.type());
        Instant at = first(change.occurredAt(), change.completedAt(), change.orderedAt(), event.time());
        String department = change.toDepartment() != null ? change.toDepartment() : change.department();
        String note = change.reason() != null ? change.reason() : change.summary();
        var entry = new TimelineEntry(event.id(), step.timelineType(), at, change.by(), department, change.workOrderId(),
                note, change.promisedAt() != null ? change.promisedAt() : change.deadline(), change.level(),
                change.toRole(), change.round(), null, null, null);
        // The order of changes is the work order's own time; the timeline keeps even a stale change, at its time.
        Instant changedAt = first(change.occurredAt(), event.time());
        return apply(event, change.requestId(), request -> {
            if (request.record(entry) && !request.followWorkOrder(change.workOrderId(), changedAt, rankOf(change.status()),
                    department, step.status())) {
                log.info("{} {} is older than what request {} already follows; its progress is left as it is",
                        event.type(), event.id(), change.requestId());
            }
            return List.of();
        });
    }

    /** How far a work order is in a status; breaks ties between changes of the same instant. */
    static int rankOf(String workOrderStatus) {
        if (workOrderStatus == null) {
            return 0;
        }
        return switch (workOrderStatus) {
            case "UNASSIGNED" -> 0;
            case "ACCEPTED", "DELAYED" -> 2;
            case "COMPLETED" -> 3;
            case "CANCELLED", "MERGED" -> 4;
            default -> 1;
        };
    }

    Mono<?> onCallbackCompleted(IncomingEvent event, CallbackResult result) {
        boolean satisfied = Boolean.TRUE.equals(result.satisfied());
        var entry = new TimelineEntry(event.id(), "CALLBACK_RESULT", first(result.completedAt(), event.time()), null,
                result.department(), result.workOrderId(),
                "timeliness=%s attitude=%s quality=%s".formatted(result.timeliness(), result.attitude(), result.quality()),
                null, null, null, null, satisfied, null, null);
        return apply(event, result.requestId(), request -> {
            if (!request.record(entry)) {
                return List.of();
            }
            // Not satisfied: the department corrects and is called back again (seed 000 §第四條), so it stays open.
            return satisfied ? request.closeAfterSatisfiedCallback(clock.instant()) : List.of();
        });
    }

    Mono<?> onClaimOpened(IncomingEvent event, ClaimOpened claim) {
        var entry = new TimelineEntry(event.id(), "CLAIM_OPENED", first(claim.occurredAt(), event.time()), null, null,
                null, null, null, null, null, null, null, claim.claimId(), null);
        return apply(event, claim.requestId(), request -> {
            request.record(entry);
            return List.of();
        });
    }

    /** Timeline type of each claim-progress event the front desk sees. */
    static final Map<String, String> CLAIM_STEPS = Map.of(
            "mall.claims.claim.stage-changed.v1", "CLAIM_STAGE_CHANGED",
            "mall.claims.claim.reported-to-insurer.v1", "CLAIM_REPORTED_TO_INSURER",
            "mall.claims.claim.archived.v1", "CLAIM_ARCHIVED");

    Mono<?> onClaimProgress(IncomingEvent event, ClaimProgress claim) {
        var entry = new TimelineEntry(event.id(), CLAIM_STEPS.get(event.type()), first(claim.when(), event.time()),
                claim.by(), null, null, claim.note(), null, null, null, null, null, claim.claimId(), null);
        return apply(event, claim.requestId(), request -> {
            request.record(entry);
            return List.of();
        });
    }

    private Mono<?> apply(IncomingEvent event, String requestId,
                          java.util.function.Function<ServiceRequest, List<DomainEvent>> change) {
        if (requestId == null) {
            return Mono.error(new com.mallservicedesk.platform.events.PoisonEventException(
                    event.type() + " " + event.id() + " names no requestId"));
        }
        // Another mall's id or a request registered elsewhere: nothing of ours to update.
        return store.changeIfPresent(event.mallId(), requestId, change)
                .switchIfEmpty(Mono.fromRunnable(() -> log.debug("{} {} is about request {} unknown in mall {}",
                        event.type(), event.id(), requestId, event.mallId())));
    }

    private static Instant first(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
