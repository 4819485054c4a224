package com.mallservicedesk.callback.followup;

import java.time.Instant;

/** Callback's own trimmed copy of {@code mall.dispatch.work-order.completed.v1}. */
record CompletedWorkOrder(String workOrderId, String requestId, String requestNumber, String kind, String department,
                          String summary, Instant completedAt, Contact customer) {

    record Contact(String name, String phone) {
    }
}
