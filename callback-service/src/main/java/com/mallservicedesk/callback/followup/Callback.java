package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import com.mallservicedesk.platform.store.Created;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One callback to a customer after a work order was completed (回訪記錄). */
@Document("callbacks")
public class Callback implements OutboxCarrier {

    @Id
    private String id;
    private String mallId;
    private String requestId;
    private String requestNumber;
    private String workOrderId;
    private String kind;
    private String department;
    private List<CompletedWorkOrder.Contact> contacts = new ArrayList<>();
    private Instant workCompletedAt;
    private Instant dueAt;
    private CallbackStatus status;
    private CallbackResult result;
    private String calledBy;
    private Instant completedAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    Callback() {
    }

    /** One callback per completion event: its id derives from the event, so redelivery cannot add another. */
    static Created<Callback> schedule(String completionEventId, String mallId, CompletedWorkOrder work, Duration dueAfter) {
        Callback callback = new Callback();
        callback.id = "cb-" + completionEventId;
        callback.mallId = mallId;
        callback.requestId = work.requestId();
        callback.requestNumber = work.requestNumber();
        callback.workOrderId = work.workOrderId();
        callback.kind = work.kind();
        callback.department = work.department();
        callback.contacts = work.contacts();
        callback.workCompletedAt = work.completedAt();
        callback.dueAt = work.completedAt().plus(dueAfter);
        callback.status = CallbackStatus.SCHEDULED;
        return Created.of(callback, new CallbackEvents.Scheduled(callback.id, callback.requestId, callback.workOrderId,
                callback.department, callback.dueAt));
    }

    List<DomainEvent> record(CallbackResult result, String calledBy, Instant now) {
        if (status != CallbackStatus.SCHEDULED) {
            throw ApiException.conflict("callback-already-completed", id);
        }
        this.status = CallbackStatus.COMPLETED;
        this.result = result;
        this.calledBy = calledBy;
        this.completedAt = now;
        return List.of(new CallbackEvents.Completed(id, requestId, workOrderId, kind, department, result.method(),
                result.timeliness(), result.attitude(), result.quality(), result.satisfied(), now));
    }

    @Override
    public String correlationId() {
        return requestId;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public String getWorkOrderId() { return workOrderId; }
    public String getKind() { return kind; }
    public String getDepartment() { return department; }
    public List<CompletedWorkOrder.Contact> getContacts() { return contacts; }
    public Instant getWorkCompletedAt() { return workCompletedAt; }
    public Instant getDueAt() { return dueAt; }
    public CallbackStatus getStatus() { return status; }
    public CallbackResult getResult() { return result; }
    public String getCalledBy() { return calledBy; }
    public Instant getCompletedAt() { return completedAt; }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
