package com.mallservicedesk.survey.reception;

import java.time.Instant;

/**
 * Survey's trimmed copy of claims' {@code mall.claims.claim.opened.v1} (claimId, requestId, occurredAt) and
 * {@code mall.claims.claim.archived.v1} (claimId, requestId, outcome SETTLED or CLOSED_WITHOUT_CLAIM, archivedAt).
 */
record ClaimChange(String claimId, String requestId, Instant occurredAt, String outcome, Instant archivedAt) {
}
