package com.mallservicedesk.claims.claim;

import java.time.Instant;

/** Claims' own trimmed copy of {@code mall.intake.request.registered.v1}: every kind, for linking earlier requests. */
record ReportedIncident(String requestId, String number, String kind, String description, Location location,
                        Instant receivedAt, Owner owner) {

    record Owner(String id, String name) {
    }

    boolean isIncident() {
        return "INCIDENT".equals(kind);
    }
}
