package com.mallservicedesk.intake.request;

import java.time.Instant;

/** Intake's copy of {@code mall.claims.claim.opened.v1}. */
record ClaimOpened(String claimId, String requestId, String requestNumber, Instant occurredAt) {
}
