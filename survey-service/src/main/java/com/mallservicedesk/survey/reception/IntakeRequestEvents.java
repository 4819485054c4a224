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
}
