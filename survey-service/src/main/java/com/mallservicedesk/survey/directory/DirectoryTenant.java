package com.mallservicedesk.survey.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** Survey's own copy of one store of intake's tenant directory, keyed {@code <mall>|<tenant>}. */
@Document("survey_tenants")
@CompoundIndex(name = "mall", def = "{'mallId': 1}")
record DirectoryTenant(@Id String id, String mallId, String tenantId, String name, String kind, String floor,
                       String zone, String unit, boolean active, Instant changedAt) {

    static String key(String mallId, String tenantId) {
        return mallId + "|" + tenantId;
    }
}
