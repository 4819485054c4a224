package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;

/**
 * {@code mall.intake.request.registered.v1}. Carries the customer's contact because the receiving
 * department must call the customer at once (seed 000 §4.5).
 */
public record RequestRegistered(
        String requestId, String number, Channel channel, RequestKind kind, String category, String description,
        Location location, Customer customer, Instant receivedAt, RequestStatus status, Owner owner) implements DomainEvent {

    public static final EventType TYPE = new EventType("mall.intake.request.registered.v1", "intake.requests.v1");

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
