package com.mallservicedesk.survey.satisfaction;

import java.time.Instant;

/**
 * Survey's own trimmed copy of {@code mall.callback.callback.completed.v1}: the three answers of a repair callback
 * (timeliness, attitude, quality; seed 000 §4.4.5) are the respondent's surveyed items.
 */
record CallbackAnswered(String callbackId, String requestId, String kind, String department, String timeliness,
                        String attitude, String quality, boolean satisfied, Instant completedAt) {

    /** Callback ratings: every level but DISSATISFIED is at a satisfied level (seed 000 §顧客滿意度調查規程 4.5.2). */
    static boolean satisfiedLevel(String rating) {
        return rating != null && !rating.contains("DISSATISFIED");
    }
}
