package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the stores registered before the directory was read by key their {@value Tenant#DIRECTORY_KEY}, so the
 * directory lists them and notices reach them.
 */
@Component
class TenantDirectoryKeys extends KeyConversion<Tenant> {

    static final String NAME = "tenant-directory-keys";

    TenantDirectoryKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, Tenant.class, Tenant.DIRECTORY_KEY, () -> Criteria.where("mallId").exists(true),
                Tenant::placeInDirectory,
                "Tenants: {} stores registered before the directory was read by key were given their key");
    }
}
