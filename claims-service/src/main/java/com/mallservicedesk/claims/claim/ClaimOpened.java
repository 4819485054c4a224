package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/**
 * {@code mall.claims.claim.opened.v1} on {@code claims.claims.v1}. Intake's timeline reads claimId, requestId,
 * requestNumber, occurredAt and location: keep them. For an incident registered directly at claims, requestId is the
 * claim id (the correlation id) and source is DIRECT.
 */
record ClaimOpened(String claimId, String requestId, String requestNumber, Instant occurredAt, Location location,
                   String source, IncidentCategory category) implements DomainEvent {

    static final EventType TYPE = new EventType("mall.claims.claim.opened.v1", "claims.claims.v1");

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
