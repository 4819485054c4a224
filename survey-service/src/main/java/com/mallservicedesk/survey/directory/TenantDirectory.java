package com.mallservicedesk.survey.directory;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.WorkingSetKey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Survey's copy of the tenant directory, fed by intake's tenant events; survey campaigns sample it. */
@Service
public class TenantDirectory {

    private final ReactiveMongoTemplate mongo;

    TenantDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps the newest state of the store by key: an older event than the stored one matches nothing, its upsert then
     * collides with the stored key and is dropped.
     */
    Mono<Void> keep(IncomingEvent event, TenantChanged tenant) {
        String key = DirectoryTenant.key(event.mallId(), tenant.tenantId());
        var query = Query.query(Criteria.where("_id").is(key).orOperator(
                Criteria.where("changedAt").lte(event.time()), Criteria.where("changedAt").exists(false)));
        var update = new Update().set("mallId", event.mallId()).set("tenantId", tenant.tenantId())
                .set("name", tenant.name()).set("kind", tenant.kind()).set("floor", tenant.floor())
                .set("zone", tenant.zone()).set("unit", tenant.unit())
                .set("active", tenant.active() == null || tenant.active()).set("changedAt", event.time());
        return mongo.upsert(query, update, DirectoryTenant.class)
                .onErrorResume(DuplicateKeyException.class, newerStored -> Mono.empty())
                .then();
    }

    /**
     * Every store of the mall, active or not, in tenant-id order: the mall's range of keys ({@code <mall>|<tenant>}),
     * so a campaign reads its own mall's stores, not every mall's.
     */
    public Flux<DirectoryEntry> storesOf(String mallId) {
        return mongo.find(WorkingSetKey.ofMall("_id", mallId).with(Sort.by("_id")), DirectoryTenant.class)
                .filter(t -> mallId.equals(t.mallId()))
                .map(t -> new DirectoryEntry(t.tenantId(), t.name(), t.kind(), t.floor(), t.zone(), t.unit(), t.active()));
    }
}
