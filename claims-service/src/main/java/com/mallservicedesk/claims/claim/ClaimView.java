package com.mallservicedesk.claims.claim;

import java.time.Instant;

record ClaimView(String id, String mallId, String requestId, String requestNumber, String description,
                 ReportedIncident.Location location, Instant occurredAt, Instant openedAt, ClaimStatus status) {

    static ClaimView of(Claim c) {
        return new ClaimView(c.getId(), c.getMallId(), c.getRequestId(), c.getRequestNumber(), c.getDescription(),
                c.getLocation(), c.getOccurredAt(), c.getOpenedAt(), c.getStatus());
    }
}
