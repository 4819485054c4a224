package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/** {@code mall.claims.claim.opened.v1} on {@code claims.claims.v1}. */
record ClaimOpened(String claimId, String requestId, String requestNumber, Instant occurredAt,
                   ReportedIncident.Location location) implements DomainEvent {

    static final EventType TYPE = new EventType("mall.claims.claim.opened.v1", "claims.claims.v1");

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
