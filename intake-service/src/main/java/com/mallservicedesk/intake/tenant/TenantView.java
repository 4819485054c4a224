package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Instant;
import java.util.List;

/**
 * A store as the directory shows it.
 *
 * <p>Store contacts are business contacts, not the personal data of customers and reporters that
 * {@link ContactDisclosure} rules: the store gives its manager's or duty line to the mall so the mall can reach the
 * store, and no one department handles a store (engineering arranges work in the unit, security an incident, cleaning
 * a spill). So the front desk, supervisors and every department see them in full; managers, who do not call stores,
 * see them masked in the kit's one format.
 */
public record TenantView(String id, String mallId, String name, TenantKind kind, String floor, String zone, String unit,
                         List<TenantContact> contacts, boolean active, Instant createdAt, Instant updatedAt) {

    static TenantView of(Tenant t, PlatformUser viewer) {
        boolean full = viewer.has(Role.FRONT_DESK) || viewer.has(Role.SUPERVISOR) || viewer.has(Role.DEPT_STAFF);
        var contacts = t.getContacts().stream()
                .map(c -> full ? c : new TenantContact(c.name(), ContactDisclosure.mask(c.phone()), c.wechat(), c.role()))
                .toList();
        return new TenantView(t.getId(), t.getMallId(), t.getName(), t.getKind(), t.getFloor(), t.getZone(), t.getUnit(),
                contacts, t.isActive(), t.getCreatedAt(), t.getUpdatedAt());
    }
}
