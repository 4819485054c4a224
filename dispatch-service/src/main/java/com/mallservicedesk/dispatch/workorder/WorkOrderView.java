package com.mallservicedesk.dispatch.workorder;

import java.time.Duration;
import java.time.Instant;

/** A work order as departments and the front desk see it. */
record WorkOrderView(String id, String mallId, String requestId, String requestNumber, String kind, String category,
                     String description, RegisteredRequest.Location location, RegisteredRequest.Contact customer,
                     String department, WorkOrderStatus status, Instant orderedAt, Instant completedAt, String summary,
                     Duration workTime) {

    static WorkOrderView of(WorkOrder o) {
        return new WorkOrderView(o.getId(), o.getMallId(), o.getRequestId(), o.getRequestNumber(), o.getKind(),
                o.getCategory(), o.getDescription(), o.getLocation(), o.getCustomer(), o.getDepartment(), o.getStatus(),
                o.getOrderedAt(), o.getCompletedAt(), o.getSummary(),
                o.getCompletedAt() == null ? null : Duration.between(o.getOrderedAt(), o.getCompletedAt()));
    }
}
