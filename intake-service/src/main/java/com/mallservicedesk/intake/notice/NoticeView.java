package com.mallservicedesk.intake.notice;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A notice with the state of each delivery, so the front desk sees which stores have it. */
public record NoticeView(String id, String mallId, NoticeKind kind, List<String> floors, List<String> zones,
                         Instant startsAt, Instant endsAt, String message, String publishedBy, Instant publishedAt,
                         Map<DeliveryState, Long> deliveryCounts, List<DeliveryView> deliveries) {

    public record DeliveryView(String id, String tenantId, String tenantName, DeliveryState state, int attempts,
                               String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant sentAt,
                               Instant acknowledgedAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.tenantId(), d.tenantName(), d.state(), d.attempts(), d.lastError(),
                    d.lastAttemptAt(), d.state() == DeliveryState.SENT || d.state() == DeliveryState.ACKNOWLEDGED
                            ? null : d.nextAttemptAt(), d.sentAt(), d.acknowledgedAt());
        }
    }

    static NoticeView of(Notice n, List<Delivery> deliveries) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, deliveries.stream().filter(d -> d.state() == state).count());
        }
        return new NoticeView(n.getId(), n.getMallId(), n.getKind(), n.getFloors(), n.getZones(), n.getStartsAt(),
                n.getEndsAt(), n.getMessage(), n.getPublishedBy(), n.getPublishedAt(), counts,
                deliveries.stream().map(DeliveryView::of).toList());
    }
}
