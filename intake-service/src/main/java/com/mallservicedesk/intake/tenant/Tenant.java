package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.WorkingSetKey;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A store of the mall in the tenant directory (業戶檔案, seed 004). Every store carries its place in its mall's directory
 * ({@value #DIRECTORY_KEY}), so that a mall's directory is one range of a unique index in a collection every mall
 * shares: the list and a notice's recipients read the mall's stores only, however many malls the platform serves.
 */
@Document("tenants")
@CompoundIndex(name = Tenant.DIRECTORY_KEY, def = "{'" + Tenant.DIRECTORY_KEY + "': 1}", unique = true, sparse = true)
public class Tenant implements OutboxCarrier {

    static final String DIRECTORY_KEY = "directoryKey";

    @Id
    private String id;
    private String mallId;
    private String name;
    private TenantKind kind;
    private String floor;
    private String zone;
    private String unit;
    private List<TenantContact> contacts = new ArrayList<>();
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    private String directoryKey;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;

    Tenant() {
    }

    static Created<Tenant> register(String id, String mallId, TenantDetails details, Instant now) {
        Tenant tenant = new Tenant();
        tenant.id = id;
        tenant.mallId = mallId;
        tenant.createdAt = now;
        tenant.apply(details, now);
        return Created.of(tenant, new TenantEvents.Registered(id, tenant.name, tenant.kind, tenant.floor, tenant.zone,
                tenant.unit, tenant.active));
    }

    List<DomainEvent> update(TenantDetails details, Instant now) {
        apply(details, now);
        return List.of(new TenantEvents.Updated(id, name, kind, floor, zone, unit, active));
    }

    private void apply(TenantDetails details, Instant now) {
        name = details.name();
        kind = details.kind();
        floor = details.floor();
        zone = details.zone();
        unit = details.unit();
        contacts = details.contacts() == null ? new ArrayList<>() : new ArrayList<>(details.contacts());
        active = details.active() == null || details.active();
        updatedAt = now;
    }

    /** Its place in the mall's directory ({@link WorkingSetKey}, by registration). The one derivation of the key. */
    String placeInDirectory() {
        return WorkingSetKey.of(mallId, createdAt, id);
    }

    /** Keeps {@link #DIRECTORY_KEY}: the store's step before every save ({@link TenantDirectory}). */
    Tenant keepPlaceInDirectory() {
        directoryKey = placeInDirectory();
        return this;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getName() { return name; }
    public TenantKind getKind() { return kind; }
    public String getFloor() { return floor; }
    public String getZone() { return zone; }
    public String getUnit() { return unit; }
    public List<TenantContact> getContacts() { return contacts; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}
