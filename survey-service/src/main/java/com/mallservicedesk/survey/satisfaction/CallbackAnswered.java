package com.mallservicedesk.survey.satisfaction;

import java.time.Instant;

/** Survey's own trimmed copy of {@code mall.callback.callback.completed.v1}. */
record CallbackAnswered(String callbackId, String requestId, String kind, String department, boolean satisfied,
                        Instant completedAt) {
}
