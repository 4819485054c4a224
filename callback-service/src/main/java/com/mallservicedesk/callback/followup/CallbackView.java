package com.mallservicedesk.callback.followup;

import java.time.Instant;
import java.util.List;

/** A callback as the front desk sees it; {@code contacts} lists everyone to call back. */
record CallbackView(String id, String mallId, String requestId, String requestNumber, String workOrderId, String kind,
                    String department, List<CompletedWorkOrder.Contact> contacts, Instant workCompletedAt, Instant dueAt,
                    CallbackStatus status, CallbackResult result, Boolean satisfied, String calledBy, Instant completedAt) {

    static CallbackView of(Callback c) {
        return new CallbackView(c.getId(), c.getMallId(), c.getRequestId(), c.getRequestNumber(), c.getWorkOrderId(),
                c.getKind(), c.getDepartment(), c.getContacts(), c.getWorkCompletedAt(), c.getDueAt(), c.getStatus(),
                c.getResult(), c.getResult() == null ? null : c.getResult().satisfied(), c.getCalledBy(), c.getCompletedAt());
    }
}
