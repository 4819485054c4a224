package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The mall's stores: kept by the front desk, read by notices and (through events) by surveys. */
@Service
public class TenantDirectory {

    private final AggregateStore<Tenant> tenants;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    TenantDirectory(AggregateStores stores, ReactiveMongoTemplate mongo, Clock clock) {
        this.tenants = stores.of(Tenant.class, "tenant");
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

    Mono<PageView<Tenant>> list(String mallId, String floor, String zone, TenantKind kind, Boolean active, ListQuery list) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (floor != null) {
            criteria = criteria.and("floor").is(floor);
        }
        if (zone != null) {
            criteria = criteria.and("zone").is(zone);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (active != null) {
            criteria = criteria.and("active").is(active);
        }
        var items = mongo.find(Query.query(criteria).with(Sort.by("floor", "zone", "unit", "name", "_id"))
                .skip(list.offset()).limit(list.size()), Tenant.class).collectList();
        return Mono.zip(items, mongo.count(Query.query(criteria), Tenant.class))
                .map(t -> list.page(t.getT1(), t.getT2()));
    }

    /** Active stores on the given floors and zones; an empty list means every floor (or zone). */
    public Flux<Tenant> affectedBy(String mallId, Collection<String> floors, Collection<String> zones) {
        Criteria criteria = Criteria.where("mallId").is(mallId).and("active").is(true);
        if (floors != null && !floors.isEmpty()) {
            criteria = criteria.and("floor").in(floors);
        }
        if (zones != null && !zones.isEmpty()) {
            criteria = criteria.and("zone").in(zones);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")), Tenant.class);
    }
}
