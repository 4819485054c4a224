package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.request.Customer.CustomerType;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/** The events intake publishes on {@code intake.requests.v1}; wire names are the agreed catalogue's. */
public final class RequestEvents {

    public static final String TOPIC = "intake.requests.v1";
    public static final EventType REGISTERED = new EventType("mall.intake.request.registered.v1", TOPIC);
    public static final EventType MESSAGE_RECEIVED = new EventType("mall.intake.message.received.v1", TOPIC);
    public static final EventType ACCEPTANCE_OVERDUE = new EventType("mall.intake.request.acceptance-overdue.v1", TOPIC);
    public static final EventType CANCELLED = new EventType("mall.intake.request.cancelled.v1", TOPIC);
    public static final EventType MERGED = new EventType("mall.intake.request.merged.v1", TOPIC);
    public static final EventType CLOSED = new EventType("mall.intake.request.closed.v1", TOPIC);

    private RequestEvents() {
    }

    /**
     * Sent when the request is ready for dispatch: at once for counter channels, on acceptance for online
     * messages. Carries the customer's contact because the receiving department must call the customer at
     * once (seed 000 §4.5).
     */
    public record Registered(
            String requestId, String number, Channel channel, RequestKind kind, String category, String description,
            Location location, Customer customer, Instant receivedAt, RequestStatus status, Owner owner,
            Priority priority, Instant acceptedAt, String possibleDuplicateOf) implements DomainEvent {
        @Override
        public EventType eventType() {
            return REGISTERED;
        }
    }

    /** An online message arrived and waits for acceptance; no personal data (nobody calls yet). */
    public record MessageReceived(String requestId, String number, Channel channel, RequestKind kind,
                                  Instant receivedAt, Instant acceptanceDueAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return MESSAGE_RECEIVED;
        }
    }

    public record AcceptanceOverdue(String requestId, String number, Channel channel, Instant receivedAt,
                                    Instant acceptanceDueAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return ACCEPTANCE_OVERDUE;
        }
    }

    public record Cancelled(String requestId, String number, String reason, String cancelledBy) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CANCELLED;
        }
    }

    /** Carries the duplicate's reporter: the parent's callback must reach every reporter (personal data). */
    public record Merged(String requestId, String number, String parentRequestId, String parentNumber,
                         Contact reporter) implements DomainEvent {
        @Override
        public EventType eventType() {
            return MERGED;
        }
    }

    public record Contact(String name, String phone, CustomerType type) {
    }

    public record Closed(String requestId, String number, Instant closedAt, String reason) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CLOSED;
        }
    }
}
