package com.mallservicedesk.intake.request;

import java.time.Instant;

/**
 * Intake's copy of the claim file's progress: {@code mall.claims.claim.stage-changed.v1},
 * {@code …reported-to-insurer.v1} and {@code …archived.v1}, trimmed to what the timeline shows.
 */
record ClaimProgress(String claimId, String requestId, String stage, String by, String insurerReference,
                     String outcome, Instant at, Instant reportedAt, Instant archivedAt) {

    Instant when() {
        return at != null ? at : reportedAt != null ? reportedAt : archivedAt;
    }

    String note() {
        return stage != null ? stage : outcome != null ? outcome : insurerReference;
    }
}
