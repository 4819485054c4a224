package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/**
 * What claims publish on {@code claims.claims.v1} besides {@link ClaimOpened}. Every event names the claim and the
 * originating request (the claim id for incidents registered directly at claims). Amounts travel as decimal strings in
 * CNY, never as floating-point numbers.
 */
final class ClaimEvents {

    static final String TOPIC = "claims.claims.v1";

    private ClaimEvents() {
    }

    record StageChanged(String claimId, String requestId, ClaimStage fromStage, ClaimStage stage, Instant at, String by)
            implements DomainEvent {
        static final EventType TYPE = new EventType("mall.claims.claim.stage-changed.v1", TOPIC);

        @Override
        public EventType eventType() {
            return TYPE;
        }
    }

    enum Channel { API, PHONE }

    record ReportedToInsurer(String claimId, String requestId, String insurerReference, Instant reportedAt,
                             Channel channel) implements DomainEvent {
        static final EventType TYPE = new EventType("mall.claims.claim.reported-to-insurer.v1", TOPIC);

        @Override
        public EventType eventType() {
            return TYPE;
        }
    }

    record AdvancePaid(String claimId, String requestId, String advanceId, String amountCny, String totalAdvancedCny,
                       String approvedBy) implements DomainEvent {
        static final EventType TYPE = new EventType("mall.claims.advance.paid.v1", TOPIC);

        @Override
        public EventType eventType() {
            return TYPE;
        }
    }

    record AdvanceApproved(String claimId, String requestId, String advanceId, String amountCny, String totalAdvancedCny,
                           String approvedBy, String reason) implements DomainEvent {
        static final EventType TYPE = new EventType("mall.claims.advance.approved.v1", TOPIC);

        @Override
        public EventType eventType() {
            return TYPE;
        }
    }

    record Archived(String claimId, String requestId, ClaimStage.Outcome outcome, String settledAmountCny,
                    Instant archivedAt) implements DomainEvent {
        static final EventType TYPE = new EventType("mall.claims.claim.archived.v1", TOPIC);

        @Override
        public EventType eventType() {
            return TYPE;
        }
    }

    record StepOverdue(String claimId, String requestId, ClaimStage stage, ChecklistItem item, Instant dueAt, Instant at)
            implements DomainEvent {
        static final EventType TYPE = new EventType("mall.claims.claim.step-overdue.v1", TOPIC);

        @Override
        public EventType eventType() {
            return TYPE;
        }
    }
}
