package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.intake.privacy.PhoneMask;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Instant;
import java.util.List;

/** A store as the directory shows it; contact phones in full only to those who call stores. */
public record TenantView(String id, String mallId, String name, TenantKind kind, String floor, String zone, String unit,
                         List<TenantContact> contacts, boolean active, Instant createdAt, Instant updatedAt) {

    static TenantView of(Tenant t, PlatformUser viewer) {
        boolean full = viewer.has(Role.FRONT_DESK) || viewer.has(Role.SUPERVISOR) || viewer.has(Role.DEPT_STAFF);
        var contacts = t.getContacts().stream()
                .map(c -> full ? c : new TenantContact(c.name(), PhoneMask.mask(c.phone()), c.wechat(), c.role()))
                .toList();
        return new TenantView(t.getId(), t.getMallId(), t.getName(), t.getKind(), t.getFloor(), t.getZone(), t.getUnit(),
                contacts, t.isActive(), t.getCreatedAt(), t.getUpdatedAt());
    }
}
