package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/** What the complaint register publishes on {@code intake.requests.v1} (keyed by the request id). */
public final class ComplaintEvents {

    public static final String TOPIC = "intake.requests.v1";
    public static final EventType CONCLUDED = new EventType("mall.intake.complaint.concluded.v1", TOPIC);
    public static final EventType CLOCK_MISSED = new EventType("mall.intake.complaint.clock-missed.v1", TOPIC);

    private ComplaintEvents() {
    }

    /**
     * The conclusion was reported to the supervisor and the register is closed (seed 000 §4.3.6); survey counts the
     * complaint handling timeliness rate from it (seed 003 §監控指標, contract C6).
     *
     * @param onTime every clock of the register was met
     */
    public record Concluded(String requestId, String number, Instant receivedAt, Instant handedOverAt,
                            Instant reviewedAt, Instant feedbackAt, Instant concludedAt, boolean onTime,
                            String conclusion) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CONCLUDED;
        }
    }

    /** A clock of the register passed with its step not done: consoles show it, the supervisor follows it. */
    public record ClockMissed(String requestId, String number, ComplaintClock clock, Instant dueAt, Instant missedAt)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return CLOCK_MISSED;
        }
    }
}
