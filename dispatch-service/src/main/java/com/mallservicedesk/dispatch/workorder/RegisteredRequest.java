package com.mallservicedesk.dispatch.workorder;

import java.time.Instant;

/** Dispatch's own trimmed copy of {@code mall.intake.request.registered.v1}: only what a work order needs. */
record RegisteredRequest(String requestId, String number, String channel, String kind, String category,
                         String description, Location location, Contact customer, Instant receivedAt, String status) {

    record Location(String floor, String zone, String unit) {
    }

    /** The department calls the customer at once (seed 000 §4.5), so it keeps name and phone. */
    record Contact(String name, String phone) {
    }

    boolean closedOnTheSpot() {
        return "CLOSED".equals(status);
    }
}
