package com.mallservicedesk.survey.reception;

import java.time.Instant;

/** Survey's trimmed copies of intake's request events ({@code intake.requests.v1}). */
final class IntakeRequestEvents {

    private IntakeRequestEvents() {
    }

    record Registered(String requestId, String number, String channel, String kind, Instant receivedAt) {
    }

    /** @param reason ANSWERED_ON_SPOT or SATISFIED_CALLBACK */
    record Closed(String requestId, Instant closedAt, String reason) {
    }

    /** Cancelled and merged both end the request without its own work: only the id matters. */
    record Ended(String requestId) {
    }

    /**
     * A complaint's register is concluded (contract C6): {@code onTime} tells whether every clock of the complaint
     * register was met (seed 003 §2, §監控指標 投訴處理及時率).
     */
    record ComplaintConcluded(String requestId, String number, Instant concludedAt, Boolean onTime) {
    }

    /** A consultation's reply was checked (contract C6, seed 003 §監控指標 咨詢回復準確率). */
    record ConsultationReviewed(String requestId, String number, Boolean correct, Instant reviewedAt) {
    }
}
