package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.store.LayoutConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the stores registered before the directory was read by key their {@value Tenant#DIRECTORY_KEY}, so the
 * directory lists them and notices reach them. A scan of the stores, run {@linkplain #once once}. Safe to run again
 * and on two instances at once: each write is conditioned on the store having no key.
 */
@Component
class TenantDirectoryKeys extends LayoutConversion {

    static final String NAME = "tenant-directory-keys";

    private final ReactiveMongoTemplate mongo;

    TenantDirectoryKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Long> convert() {
        return once(mongo, NAME, keyed(mongo, Tenant.class, Tenant.DIRECTORY_KEY,
                () -> Criteria.where("mallId").exists(true), Tenant::placeInDirectory));
    }

    @Override
    protected String convertedMessage() {
        return "Tenants: {} stores registered before the directory was read by key were given their key";
    }
}
