package com.mallservicedesk.intake.notice;

import com.mallservicedesk.intake.tenant.TenantContact;
import java.time.Instant;
import java.util.List;

/**
 * What the outbound message gateway receives for one delivery. It carries the store's contacts because the
 * gateway must reach the store; {@code ackPath} is where the gateway (or the store) confirms receipt.
 */
public record GatewayMessage(String deliveryId, String noticeId, String mallId, NoticeKind kind, Instant startsAt,
                             Instant endsAt, String message, Store store, String ackPath) {

    public record Store(String tenantId, String name, String floor, String zone, String unit, List<TenantContact> contacts) {
    }
}
