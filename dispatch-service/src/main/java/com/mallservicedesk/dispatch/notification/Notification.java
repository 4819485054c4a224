package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.dispatch.notification.NotificationEvents.Reason;
import com.mallservicedesk.dispatch.notification.NotificationEvents.SubjectType;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.timer.PendingTimer;
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
 * A department told of a complaint, a major incident or an outage notice, which it acknowledges (seed 004 信息治理:
 * 重大的質量事故、突發事件、顧客投訴在一個工作日內通報給相關部門; seed 000 §4.10: outage notices go to the related
 * departments). One per subject and department, with an id derived from both, so a redelivered event creates nothing
 * new. Due one working day later in the mall's desk hours; a durable timer marks it overdue if nobody acknowledged it.
 */
@Document("notifications")
@CompoundIndexes({
        @CompoundIndex(name = "mall_department_open", def = "{'mallId': 1, 'department': 1, 'acknowledged': 1, 'dueAt': 1}"),
        @CompoundIndex(name = Notification.OPEN_KEY, def = "{'" + Notification.OPEN_KEY + "': 1}", unique = true,
                sparse = true)
})
public class Notification implements OutboxCarrier {

    /**
     * The field holding an unacknowledged notification's place in its mall's set of them ({@link WorkingSetKey}, by
     * due time), which the department console reads; absent once acknowledged.
     */
    static final String OPEN_KEY = "openKey";

    static final String OVERDUE_TIMER = "dispatch.notification-overdue";
    /** The summary a department reads on its console: enough to know what it is about, never a customer's contact. */
    static final int SUMMARY_LENGTH = 200;

    @Id
    private String id;
    private String mallId;
    private SubjectType subjectType;
    private String subjectId;
    private String requestNumber;
    private String department;
    private Reason reason;
    private String summary;
    private Instant sentAt;
    private Instant dueAt;
    private boolean acknowledged;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private boolean overdue;
    private Instant overdueAt;
    private String openKey;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    Notification() {
    }

    /** {@code ntf-req-<requestId>-<DEPARTMENT>} or {@code ntf-notice-<noticeId>-<DEPARTMENT>}. */
    static String idFor(SubjectType subjectType, String subjectId, String department) {
        return "ntf-" + (subjectType == SubjectType.REQUEST ? "req" : "notice") + "-" + subjectId + "-" + department;
    }

    static String timerIdFor(String notificationId) {
        return "notification-overdue:" + notificationId;
    }

    static Created<Notification> send(String mallId, SubjectType subjectType, String subjectId, String requestNumber,
                                      String department, Reason reason, String summary, Instant dueAt, Instant now) {
        Notification n = new Notification();
        n.id = idFor(subjectType, subjectId, department);
        n.mallId = mallId;
        n.subjectType = subjectType;
        n.subjectId = subjectId;
        n.requestNumber = requestNumber;
        n.department = department;
        n.reason = reason;
        n.summary = shorten(summary);
        n.sentAt = now;
        n.dueAt = dueAt;
        n.timerOutbox.add(PendingTimer.schedule(timerIdFor(n.id), OVERDUE_TIMER, n.id, dueAt, Map.of()));
        return Created.of(n, new NotificationEvents.Sent(n.id, subjectType, subjectId, requestNumber, department, reason,
                n.summary, dueAt, null, null, now));
    }

    /** The department has read it; acknowledging again changes nothing. */
    List<DomainEvent> acknowledge(String by, Instant now) {
        if (acknowledged) {
            return List.of();
        }
        acknowledged = true;
        acknowledgedAt = now;
        acknowledgedBy = by;
        timerOutbox.add(PendingTimer.cancel(timerIdFor(id)));
        return List.of(new NotificationEvents.Acknowledged(id, subjectType, subjectId, requestNumber, department, reason,
                summary, dueAt, now, by, now));
    }

    /** The due time passed unacknowledged; the timer may fire twice or after a late acknowledgement: then nothing. */
    List<DomainEvent> markOverdue(Instant now) {
        if (acknowledged || overdue) {
            return List.of();
        }
        overdue = true;
        overdueAt = now;
        return List.of(new NotificationEvents.Overdue(id, subjectType, subjectId, requestNumber, department, reason,
                summary, dueAt, null, null, now));
    }

    /**
     * Its place in the mall's set of unacknowledged notifications, by due time; null once acknowledged. The one
     * derivation of {@link #OPEN_KEY}.
     */
    String placeInOpenSet() {
        return acknowledged ? null : WorkingSetKey.of(mallId, dueAt, id);
    }

    /** Keeps {@link #OPEN_KEY} as the state says: the store's step before every save ({@link Notifications}). */
    Notification keepPlaceInOpenSet() {
        openKey = placeInOpenSet();
        return this;
    }

    String openKey() {
        return openKey;
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length()) <= SUMMARY_LENGTH ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public SubjectType getSubjectType() { return subjectType; }
    public String getSubjectId() { return subjectId; }
    public String getRequestNumber() { return requestNumber; }
    public String getDepartment() { return department; }
    public Reason getReason() { return reason; }
    public String getSummary() { return summary; }
    public Instant getSentAt() { return sentAt; }
    public Instant getDueAt() { return dueAt; }
    public boolean isAcknowledged() { return acknowledged; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public boolean isOverdue() { return overdue; }
    public Instant getOverdueAt() { return overdueAt; }

    @Override
    public String correlationId() {
        return subjectId;
    }

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
