package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.routing.RoutingFacts;
import java.time.Instant;

/**
 * Dispatch's own trimmed copy of {@code mall.intake.request.registered.v1}: only what a work order needs.
 *
 * @param acceptedAt when the front desk accepted the request (受理); the dispatch limit counts from here (seed 001 §二.3)
 */
record RegisteredRequest(String requestId, String number, String channel, String kind, String category,
                         String description, Location location, Contact customer, Instant receivedAt, String status,
                         String priority, Instant acceptedAt) {

    record Location(String floor, String zone, String unit) {
    }

    /** The department calls the customer at once (seed 000 §4.5), so it keeps name and phone. */
    record Contact(String name, String phone) {
    }

    boolean closedOnTheSpot() {
        return "CLOSED".equals(status);
    }

    Instant acceptedOr(Instant fallback) {
        return acceptedAt != null ? acceptedAt : receivedAt != null ? receivedAt : fallback;
    }

    RoutingFacts routingFacts() {
        return new RoutingFacts(kind, category, channel, location == null ? null : location.floor(),
                location == null ? null : location.zone());
    }
}
