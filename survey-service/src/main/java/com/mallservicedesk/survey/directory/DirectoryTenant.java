package com.mallservicedesk.survey.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Survey's own copy of one store of intake's tenant directory, keyed {@code <mall>|<tenant>}: a mall's stores are one
 * range of {@code _id}, in tenant-id order.
 */
@Document("survey_tenants")
record DirectoryTenant(@Id String id, String mallId, String tenantId, String name, String kind, String floor,
                       String zone, String unit, boolean active, Instant changedAt) {

    static String key(String mallId, String tenantId) {
        return mallId + "|" + tenantId;
    }
}
