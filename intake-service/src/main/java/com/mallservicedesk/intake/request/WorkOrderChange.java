package com.mallservicedesk.intake.request;

import java.time.Instant;

/**
 * Intake's own trimmed copy of the {@code dispatch.work-orders.v1} events: what the timeline shows. Customer
 * and reporter contacts the events also carry are deliberately not read.
 */
record WorkOrderChange(String workOrderId, String requestId, String requestNumber, String department, String status,
                       Instant occurredAt, Instant orderedAt, Instant completedAt, String fromDepartment,
                       String toDepartment, String reason, String by, Instant contactedAt, Instant promisedAt,
                       Integer round, Integer level, String toRole, String rule, Instant deadline, String summary) {
}
