package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.InMemoryOrder;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The mall's stores: kept by the front desk, read by notices and (through events) by surveys. */
@Service
public class TenantDirectory {

    private static final Comparator<Tenant> BY_ID = InMemoryOrder.byText(Tenant::getId);
    /** As the store sorted the stored fields: a missing value first, text by code point, the id last. */
    private static final Comparator<Tenant> DIRECTORY_ORDER = InMemoryOrder.byText(Tenant::getFloor)
            .thenComparing(InMemoryOrder.byText(Tenant::getZone))
            .thenComparing(InMemoryOrder.byText(Tenant::getUnit))
            .thenComparing(InMemoryOrder.byText(Tenant::getName))
            .thenComparing(BY_ID);

    private final AggregateStore<Tenant> tenants;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    TenantDirectory(AggregateStores stores, ReactiveMongoTemplate mongo, Clock clock) {
        this.tenants = stores.of(Tenant.class, "tenant").beforeSave(t -> Mono.just(t.keepPlaceInDirectory()));
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<Tenant> register(String mallId, TenantDetails details) {
        return tenants.create(Tenant.register(TimeOrderedIds.next(), mallId, details, clock.instant()));
    }

    Mono<Tenant> update(String mallId, String id, TenantDetails details) {
        return tenants.change(mallId, id, tenant -> tenant.update(details, clock.instant()));
    }

    public Mono<Tenant> find(String mallId, String id) {
        return tenants.find(mallId, id);
    }

    /** The mall's stores in the directory's order (floor, zone, unit, name), filtered and paged. */
    Mono<PageView<Tenant>> list(String mallId, String floor, String zone, TenantKind kind, Boolean active, ListQuery list) {
        return ofMall(mallId)
                .filter(t -> (floor == null || floor.equals(t.getFloor())) && (zone == null || zone.equals(t.getZone()))
                        && (kind == null || kind == t.getKind()) && (active == null || active == t.isActive()))
                .collectSortedList(DIRECTORY_ORDER)
                .map(list::slice);
    }

    /** Active stores on the given floors and zones; an empty list means every floor (or zone). */
    public Flux<Tenant> affectedBy(String mallId, Collection<String> floors, Collection<String> zones) {
        return ofMall(mallId)
                .filter(t -> t.isActive() && (floors == null || floors.isEmpty() || floors.contains(t.getFloor()))
                        && (zones == null || zones.isEmpty() || zones.contains(t.getZone())))
                .sort(BY_ID);
    }

    /**
     * The mall's directory: one range of {@value Tenant#DIRECTORY_KEY}. The embedded MongoDB-wire server answers from
     * an index only by {@code _id} or a unique key, and would read every store of every mall for a query on the mall.
     */
    private Flux<Tenant> ofMall(String mallId) {
        return mongo.find(WorkingSetKey.ofMall(Tenant.DIRECTORY_KEY, mallId), Tenant.class)
                .filter(t -> mallId.equals(t.getMallId()));
    }
}
