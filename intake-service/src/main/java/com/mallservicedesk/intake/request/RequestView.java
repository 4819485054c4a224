package com.mallservicedesk.intake.request;

import java.time.Instant;

/** A request as the front desk sees it. */
public record RequestView(String id, String mallId, String number, Channel channel, RequestKind kind, String category,
                          String description, Location location, Customer customer, Instant receivedAt,
                          Instant registeredAt, RequestStatus status, Owner owner) {

    static RequestView of(ServiceRequest r) {
        return new RequestView(r.getId(), r.getMallId(), r.getNumber(), r.getChannel(), r.getKind(), r.getCategory(),
                r.getDescription(), r.getLocation(), r.getCustomer(), r.getReceivedAt(), r.getRegisteredAt(),
                r.getStatus(), r.getOwner());
    }
}
