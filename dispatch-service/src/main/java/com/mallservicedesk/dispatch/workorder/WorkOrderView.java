package com.mallservicedesk.dispatch.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A work order as departments and the front desk see it, with its timeline and running deadlines. */
record WorkOrderView(String id, String mallId, String requestId, String requestNumber, String kind, String category,
                     String channel, String priority, String description, RegisteredRequest.Location location,
                     RegisteredRequest.Contact customer, List<RegisteredRequest.Contact> reporters, String department,
                     WorkOrderStatus status, Instant createdAt, Instant orderedAt, int round, int reopenCount,
                     Instant acceptedAt, String acceptedBy, Instant contactedAt, String delayReason, Instant promisedAt,
                     Instant completedAt, String summary, Duration workTime, int escalationLevel,
                     EscalationRole escalatedTo, boolean overdue, List<WorkOrder.Breach> breaches,
                     Map<String, Instant> deadlines, String closeReason, String mergedInto, List<WorkOrder.Step> timeline) {

    static WorkOrderView of(WorkOrder o) {
        return of(o, null);
    }

    /** @param deadlines the running service-level clocks by rule, or null in lists */
    static WorkOrderView of(WorkOrder o, Map<String, Instant> deadlines) {
        return new WorkOrderView(o.getId(), o.getMallId(), o.getRequestId(), o.getRequestNumber(), o.getKind(),
                o.getCategory(), o.getChannel(), o.getPriority(), o.getDescription(), o.getLocation(), o.getCustomer(),
                o.getReporters().stream().map(r -> new RegisteredRequest.Contact(r.name(), r.phone())).toList(),
                o.getDepartment(), o.getStatus(), o.getCreatedAt(), o.getOrderedAt(), o.getRound(), o.getRound() - 1,
                o.getRoundAcceptedAt(), o.getRoundAcceptedBy(), o.getContactedAt(), o.getDelayReason(), o.getPromisedAt(),
                o.getCompletedAt(), o.getSummary(),
                o.getCompletedAt() == null || o.getOrderedAt() == null ? null : Duration.between(o.getOrderedAt(), o.getCompletedAt()),
                o.getEscalationLevel(), o.getEscalatedTo(), o.isOverdue(), o.getBreaches(), deadlines, o.getCloseReason(),
                o.getMergedInto(), o.getTimeline());
    }
}
