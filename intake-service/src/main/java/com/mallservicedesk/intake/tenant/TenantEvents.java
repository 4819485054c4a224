package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;

/** Directory changes on {@code intake.tenants.v1}; survey samples respondents from them. No contacts: nobody calls from these. */
public final class TenantEvents {

    public static final String TOPIC = "intake.tenants.v1";
    public static final EventType REGISTERED = new EventType("mall.intake.tenant.registered.v1", TOPIC);
    public static final EventType UPDATED = new EventType("mall.intake.tenant.updated.v1", TOPIC);

    private TenantEvents() {
    }

    public record Registered(String tenantId, String name, TenantKind kind, String floor, String zone, String unit,
                             boolean active) implements DomainEvent {
        @Override
        public EventType eventType() {
            return REGISTERED;
        }
    }

    public record Updated(String tenantId, String name, TenantKind kind, String floor, String zone, String unit,
                          boolean active) implements DomainEvent {
        @Override
        public EventType eventType() {
            return UPDATED;
        }
    }
}
