package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/**
 * The events of department notifications, on {@code dispatch.notifications.v1} (contract C4). All three carry the same
 * fields, so a console shows any of them without looking anything up.
 */
final class NotificationEvents {

    static final String TOPIC = "dispatch.notifications.v1";
    static final EventType SENT = new EventType("mall.dispatch.notification.sent.v1", TOPIC);
    static final EventType ACKNOWLEDGED = new EventType("mall.dispatch.notification.acknowledged.v1", TOPIC);
    static final EventType OVERDUE = new EventType("mall.dispatch.notification.overdue.v1", TOPIC);

    private NotificationEvents() {
    }

    record Sent(String notificationId, SubjectType subjectType, String subjectId, String requestNumber, String department,
                Reason reason, String summary, Instant dueAt, Instant acknowledgedAt, String acknowledgedBy,
                Instant occurredAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return SENT;
        }
    }

    record Acknowledged(String notificationId, SubjectType subjectType, String subjectId, String requestNumber,
                        String department, Reason reason, String summary, Instant dueAt, Instant acknowledgedAt,
                        String acknowledgedBy, Instant occurredAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return ACKNOWLEDGED;
        }
    }

    /** Not acknowledged within 1 working day of the mall's desk hours (seed 004 信息治理). */
    record Overdue(String notificationId, SubjectType subjectType, String subjectId, String requestNumber,
                   String department, Reason reason, String summary, Instant dueAt, Instant acknowledgedAt,
                   String acknowledgedBy, Instant occurredAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return OVERDUE;
        }
    }

    enum SubjectType { REQUEST, NOTICE }

    enum Reason { COMPLAINT, MAJOR_INCIDENT, OUTAGE_NOTICE }
}
