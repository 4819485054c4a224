package com.mallservicedesk.intake.complaint;

import java.time.Instant;

/** The complaint register's own trimmed copies of the events it reads (unknown fields are ignored). */
final class ComplaintData {

    private ComplaintData() {
    }

    /** {@code mall.intake.request.registered.v1}: a COMPLAINT opens a register. */
    record RegisteredRequest(String requestId, String number, String kind, String status, Instant receivedAt) {
    }

    /** {@code mall.intake.request.cancelled.v1} and {@code …merged.v1}: the register is withdrawn. */
    record EndedRequest(String requestId) {
    }

    /** {@code mall.dispatch.work-order.completed.v1}: the department's result is the investigation. */
    record CompletedWorkOrder(String requestId, String workOrderId, String department, String summary,
                              Instant completedAt, Instant occurredAt) {
    }
}
