package com.mallservicedesk.claims.claim;

import java.time.Instant;

/** Claims' own trimmed copy of {@code mall.intake.request.registered.v1}, for requests of kind INCIDENT. */
record ReportedIncident(String requestId, String number, String kind, String description, Location location,
                        Instant receivedAt) {

    record Location(String floor, String zone, String unit) {
    }

    boolean isIncident() {
        return "INCIDENT".equals(kind);
    }
}
