package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A task handed to a department for one service request (報修單 / 服務單). */
@Document("work_orders")
public class WorkOrder implements OutboxCarrier {

    @Id
    private String id;
    private String mallId;
    private String requestId;
    private String requestNumber;
    private String kind;
    private String category;
    private String description;
    private RegisteredRequest.Location location;
    private RegisteredRequest.Contact customer;
    private String department;
    private WorkOrderStatus status;
    private Instant orderedAt;
    private Instant completedAt;
    private String summary;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    WorkOrder() {
    }

    /** The first work order of a request has an id derived from it, so a redelivered event cannot open a second one. */
    static String idFor(String requestId) {
        return "wo-" + requestId;
    }

    static Opened open(String mallId, RegisteredRequest request, String department, Instant now) {
        WorkOrder order = new WorkOrder();
        order.id = idFor(request.requestId());
        order.mallId = mallId;
        order.requestId = request.requestId();
        order.requestNumber = request.number();
        order.kind = request.kind();
        order.category = request.category();
        order.description = request.description();
        order.location = request.location();
        order.customer = request.customer();
        order.department = department;
        order.status = WorkOrderStatus.ASSIGNED;
        order.orderedAt = now;
        return new Opened(order, new WorkOrderEvents.Created(order.id, order.requestId, order.requestNumber, order.kind,
                department, now));
    }

    record Opened(WorkOrder order, DomainEvent event) {
    }

    /** Returns the work order (返單): records the summary and the work time from order to completion (seed 001 §二.4). */
    DomainEvent complete(String summary, Instant now) {
        if (status != WorkOrderStatus.ASSIGNED) {
            throw ApiException.conflict("work-order-not-open", id, status);
        }
        this.status = WorkOrderStatus.COMPLETED;
        this.summary = summary;
        this.completedAt = now;
        return new WorkOrderEvents.Completed(id, requestId, requestNumber, kind, department, summary, orderedAt, now,
                Duration.between(orderedAt, now), customer);
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public String getKind() { return kind; }
    public String getCategory() { return category; }
    public String getDescription() { return description; }
    public RegisteredRequest.Location getLocation() { return location; }
    public RegisteredRequest.Contact getCustomer() { return customer; }
    public String getDepartment() { return department; }
    public WorkOrderStatus getStatus() { return status; }
    public Instant getOrderedAt() { return orderedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public String getSummary() { return summary; }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
