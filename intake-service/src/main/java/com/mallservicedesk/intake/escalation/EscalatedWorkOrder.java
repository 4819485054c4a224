package com.mallservicedesk.intake.escalation;

import java.time.Instant;
import java.util.List;

/**
 * Intake's own trimmed copy of dispatch's {@code mall.dispatch.work-order.escalated.v1} (contract C5): the work order,
 * the step of the chain it reached and who must act; other fields are ignored.
 */
record EscalatedWorkOrder(String workOrderId, String requestId, String requestNumber, String department, Integer level,
                          String toRole, String reason, Instant occurredAt, List<Target> targets) {

    /** @param role DEPARTMENT_HEAD, FRONT_DESK, CS_SUPERVISOR, CS_HEAD or PROPERTY_MANAGER; @param phone may be null */
    record Target(String role, String name, String phone) {
    }
}
