package com.mallservicedesk.survey.reception;

import java.time.Instant;

/**
 * Survey's one trimmed copy of every dispatch work-order event it reads: what all of them carry (order, request,
 * department, status, time) and the few fields of some (kind on created and completed; rule and deadline on
 * sla-breached; level and toRole on escalated; orderedAt and completedAt on completed; round on completed, reopened
 * and others).
 */
record WorkOrderChange(String workOrderId, String requestId, String kind, String department, String status,
                       Instant occurredAt, String rule, Instant deadline, String toRole, Instant orderedAt,
                       Instant completedAt, Integer round, Integer level) {
}
