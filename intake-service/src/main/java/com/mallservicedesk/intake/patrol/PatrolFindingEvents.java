package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/** Patrol findings on {@code intake.patrol-findings.v1} (seed 002 一.3(4), 一.4(1)); record key the finding id. */
public final class PatrolFindingEvents {

    public static final String TOPIC = "intake.patrol-findings.v1";
    public static final EventType RECORDED = new EventType("mall.intake.patrol-finding.recorded.v1", TOPIC);
    public static final EventType RECTIFIED = new EventType("mall.intake.patrol-finding.rectified.v1", TOPIC);
    public static final EventType OVERDUE = new EventType("mall.intake.patrol-finding.overdue.v1", TOPIC);

    private PatrolFindingEvents() {
    }

    public record Recorded(String findingId, Place place, String description, String responsibleName,
                           String responsibleDepartment, Instant deadline, String recordedBy, Instant recordedAt)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return RECORDED;
        }
    }

    /** @param late rectified after the deadline had passed */
    public record Rectified(String findingId, String responsibleDepartment, String note, String rectifiedBy,
                            Instant rectifiedAt, Instant deadline, boolean late) implements DomainEvent {
        @Override
        public EventType eventType() {
            return RECTIFIED;
        }
    }

    public record Overdue(String findingId, String responsibleName, String responsibleDepartment, Instant deadline,
                          Instant occurredAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return OVERDUE;
        }
    }
}
