package com.mallservicedesk.intake.request;

import java.time.Instant;

/** Intake's copy of {@code mall.callback.callback.completed.v1}. */
record CallbackResult(String callbackId, String requestId, String workOrderId, String department, String method,
                      String timeliness, String attitude, String quality, Boolean satisfied, Instant completedAt) {
}
