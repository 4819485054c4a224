package com.mallservicedesk.intake.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notice with how many of its deliveries are in each state; the deliveries themselves are paged at
 * {@code deliveriesPath} (a mall-wide notice may go to hundreds of stores).
 */
public record NoticeView(String id, String mallId, NoticeKind kind, List<String> floors, List<String> zones,
                         Instant startsAt, Instant endsAt, String message, String publishedBy, Instant publishedAt,
                         int recipients, Map<DeliveryState, Long> deliveryCounts, String deliveriesPath,
                         List<String> departments) {

    /** @param lastError a {@link DeliveryFailure} code; @param lastHttpStatus the gateway's status, if it answered */
    public record DeliveryView(String id, String tenantId, String tenantName, DeliveryState state, int attempts,
                               String lastError, Integer lastHttpStatus, Instant lastAttemptAt, Instant nextAttemptAt,
                               Instant sentAt, Instant acknowledgedAt) {
        static DeliveryView of(Delivery d) {
            boolean done = d.state() == DeliveryState.SENT || d.state() == DeliveryState.ACKNOWLEDGED;
            return new DeliveryView(d.id(), d.tenantId(), d.tenantName(), d.state(), d.attempts(),
                    DeliveryFailure.shown(d.lastError()), d.lastHttpStatus(), d.lastAttemptAt(),
                    done ? null : d.nextAttemptAt(), d.sentAt(), d.acknowledgedAt());
        }
    }

    static NoticeView of(Notice n, Map<DeliveryState, Long> counts) {
        return new NoticeView(n.getId(), n.getMallId(), n.getKind(), n.getFloors(), n.getZones(), n.getStartsAt(),
                n.getEndsAt(), n.getMessage(), n.getPublishedBy(), n.getPublishedAt(), n.getRecipients().size(), counts,
                "/api/v1/malls/%s/notices/%s/deliveries".formatted(n.getMallId(), n.getId()), n.getDepartments());
    }
}
