package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.request.Customer.CustomerType;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;
import java.util.List;

/** The events intake publishes on {@code intake.requests.v1}; wire names are the agreed catalogue's. */
public final class RequestEvents {

    public static final String TOPIC = "intake.requests.v1";
    public static final EventType REGISTERED = new EventType("mall.intake.request.registered.v1", TOPIC);
    public static final EventType MESSAGE_RECEIVED = new EventType("mall.intake.message.received.v1", TOPIC);
    public static final EventType ACCEPTANCE_OVERDUE = new EventType("mall.intake.request.acceptance-overdue.v1", TOPIC);
    public static final EventType CANCELLED = new EventType("mall.intake.request.cancelled.v1", TOPIC);
    public static final EventType MERGED = new EventType("mall.intake.request.merged.v1", TOPIC);
    public static final EventType CLOSED = new EventType("mall.intake.request.closed.v1", TOPIC);
    public static final EventType CONSULTATION_REVIEWED = new EventType("mall.intake.consultation.reviewed.v1", TOPIC);
    public static final EventType CONSULTATION_REPLY_MISSED =
            new EventType("mall.intake.consultation.reply-missed.v1", TOPIC);
    public static final EventType SUGGESTION_EVALUATED = new EventType("mall.intake.suggestion.evaluated.v1", TOPIC);
    public static final EventType SUGGESTION_EVALUATION_MISSED =
            new EventType("mall.intake.suggestion.evaluation-missed.v1", TOPIC);

    private RequestEvents() {
    }

    /**
     * Sent when the request is ready for dispatch: at once for counter channels, on acceptance for online
     * messages. Carries the customer's contact because the receiving department must call the customer at
     * once (seed 000 §4.5).
     *
     * @param anonymous          the customer gave no name or contact (seed 000 §4.3)
     * @param major              a major incident or complaint, set by the front desk (seed 004 信息治理)
     * @param relatedDepartments departments other than the handling one that must be told; may be empty
     */
    public record Registered(
            String requestId, String number, Channel channel, RequestKind kind, String category, String description,
            Location location, Customer customer, Instant receivedAt, RequestStatus status, Owner owner,
            Priority priority, Instant acceptedAt, String possibleDuplicateOf, boolean anonymous, boolean major,
            List<String> relatedDepartments) implements DomainEvent {
        @Override
        public EventType eventType() {
            return REGISTERED;
        }
    }

    /**
     * An online message arrived and waits for acceptance; no personal data (nobody calls yet).
     *
     * @param acceptanceStartsAt when the limit starts to count in the desk's hours (arrival, or the desk's opening)
     */
    public record MessageReceived(String requestId, String number, Channel channel, RequestKind kind,
                                  Instant receivedAt, Instant acceptanceDueAt, Instant acceptanceStartsAt)
            implements DomainEvent {
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

    /**
     * A supervisor checked a consultation's answer (contract C6): survey counts the consultation reply accuracy,
     * correct ÷ reviewed consultations of the month of {@code reviewedAt} (seed 003 §監控指標).
     */
    public record ConsultationReviewed(String requestId, String number, Instant answeredAt, boolean correct,
                                       String reviewedBy, Instant reviewedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CONSULTATION_REVIEWED;
        }
    }

    /** A consultation not answered on the spot was still not answered when its working days ran out (seed 003). */
    public record ConsultationReplyMissed(String requestId, String number, Instant dueAt, Instant missedAt)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return CONSULTATION_REPLY_MISSED;
        }
    }

    /** A suggestion was evaluated: adopted or not, and why (seed 003 §3). */
    public record SuggestionEvaluated(String requestId, String number, boolean adopted, String note,
                                      String evaluatedBy, Instant evaluatedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return SUGGESTION_EVALUATED;
        }
    }

    /** A suggestion was still not evaluated when its working days ran out (seed 003 §3). */
    public record SuggestionEvaluationMissed(String requestId, String number, Instant dueAt, Instant missedAt)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return SUGGESTION_EVALUATION_MISSED;
        }
    }
}
