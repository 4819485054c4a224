package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.intake.notice.DeliveryState;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one person of the escalation chain (department head → front desk → CS head → property manager,
 * seed 000 §3.1, §4.7) through the mall's message gateway. The id is {@code <escalation event id>:<target index>}, so
 * a redelivered event makes no second message. Each try is a durable timer ({@code escalation-message:<id>:<try>}):
 * the first is due at once, a failed try schedules the next after the retry interval, until the gateway takes it.
 */
@Document("escalation_messages")
@CompoundIndexes({
        @CompoundIndex(name = "mall_escalated", def = "{'mallId': 1, 'escalatedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "mall_state", def = "{'mallId': 1, 'state': 1, 'escalatedAt': -1}")
})
public class EscalationMessage implements OutboxCarrier {

    static final String SEND_TIMER = "intake.escalation-message";

    @Id
    private String id;
    private String mallId;
    private String escalationEventId;
    private String workOrderId;
    private String requestId;
    private String requestNumber;
    private String department;
    private Integer level;
    private String toRole;
    private String reason;
    private Instant escalatedAt;
    private String role;
    private String name;
    private String phone;
    private DeliveryState state;
    private int attempts;
    private String lastError;
    private Integer lastHttpStatus;
    private Instant lastAttemptAt;
    private Instant nextAttemptAt;
    private Instant sentAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    EscalationMessage() {
    }

    static String idOf(String escalationEventId, int targetIndex) {
        return escalationEventId + ":" + targetIndex;
    }

    static Created<EscalationMessage> toSend(String eventId, int targetIndex, String mallId, EscalatedWorkOrder escalation,
                                             EscalatedWorkOrder.Target target, Instant now) {
        EscalationMessage m = new EscalationMessage();
        m.id = idOf(eventId, targetIndex);
        m.mallId = mallId;
        m.escalationEventId = eventId;
        m.workOrderId = escalation.workOrderId();
        m.requestId = escalation.requestId();
        m.requestNumber = escalation.requestNumber();
        m.department = escalation.department();
        m.level = escalation.level();
        m.toRole = escalation.toRole();
        m.reason = escalation.reason();
        m.escalatedAt = escalation.occurredAt() == null ? now : escalation.occurredAt();
        m.role = target.role();
        m.name = target.name();
        m.phone = target.phone();
        m.state = DeliveryState.PENDING;
        m.nextAttemptAt = now;
        m.timerOutbox.add(PendingTimer.schedule(timerId(m.id, 1), SEND_TIMER, m.id, now, Map.of()));
        return new Created<>(m, List.of());
    }

    static String timerId(String messageId, int attempt) {
        return "escalation-message:" + messageId + ":" + attempt;
    }

    boolean isSent() {
        return state == DeliveryState.SENT;
    }

    /** The gateway took it; a second report changes nothing. */
    List<DomainEvent> sent(Instant now) {
        if (isSent()) {
            return List.of();
        }
        attempts++;
        state = DeliveryState.SENT;
        lastAttemptAt = now;
        sentAt = now;
        nextAttemptAt = null;
        return List.of();
    }

    /** The try failed with one of our codes; the next is scheduled after {@code retryInterval}. */
    List<DomainEvent> failed(String error, Integer httpStatus, Instant now, Duration retryInterval) {
        if (isSent()) {
            return List.of();
        }
        attempts++;
        state = DeliveryState.FAILED;
        lastError = error;
        lastHttpStatus = httpStatus;
        lastAttemptAt = now;
        nextAttemptAt = now.plus(retryInterval);
        timerOutbox.add(PendingTimer.schedule(timerId(id, attempts + 1), SEND_TIMER, id, nextAttemptAt, Map.of()));
        return List.of();
    }

    /** The events of this message carry the request's id as their correlation, like the work order's. */
    @Override
    public String correlationId() {
        return requestId == null ? id : requestId;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getEscalationEventId() { return escalationEventId; }
    public String getWorkOrderId() { return workOrderId; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public String getDepartment() { return department; }
    public Integer getLevel() { return level; }
    public String getToRole() { return toRole; }
    public String getReason() { return reason; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getRole() { return role; }
    public String getName() { return name; }
    public String getPhone() { return phone; }
    public DeliveryState getState() { return state; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public Integer getLastHttpStatus() { return lastHttpStatus; }
    public Instant getLastAttemptAt() { return lastAttemptAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getSentAt() { return sentAt; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }

    @Override
    public List<PendingTimer> getTimerOutbox() {
        return timerOutbox;
    }
}
