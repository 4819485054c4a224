package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/**
 * Public-area usage applications on {@code intake.public-area.v1} (seed 000 公共區域使用管理規程); record key the
 * application id. Every step after submission is one {@code status-changed} event naming the step.
 */
public final class PublicAreaEvents {

    public static final String TOPIC = "intake.public-area.v1";
    public static final EventType SUBMITTED = new EventType("mall.intake.public-area.submitted.v1", TOPIC);
    public static final EventType STATUS_CHANGED = new EventType("mall.intake.public-area.status-changed.v1", TOPIC);

    private PublicAreaEvents() {
    }

    public record Submitted(String applicationId, String applicantName, Applicant.Kind applicantKind, Area area,
                            String purpose, Instant from, Instant to, String planReference, String submittedBy,
                            Instant submittedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return SUBMITTED;
        }
    }

    /**
     * @param step  what was done: REVIEW, APPROVE, REJECT, SCHEDULE, INSPECT, INSPECT_COMPLETION, CLOSE
     * @param note  the step's written text (opinion, consent, inspection note, rectification demand)
     */
    public record StatusChanged(String applicationId, String step, ApplicationStatus from, ApplicationStatus to,
                                String note, boolean violation, String by, Instant at) implements DomainEvent {
        @Override
        public EventType eventType() {
            return STATUS_CHANGED;
        }
    }
}
