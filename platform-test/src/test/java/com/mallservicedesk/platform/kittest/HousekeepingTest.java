package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.housekeeping.Housekeeping;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HousekeepingTest extends KitIntegrationTest {

    @Autowired
    Housekeeping housekeeping;

    @Test
    void expiredBookkeepingIsDeletedAndEverythingStillNeededStays() {
        Instant now = Instant.now();
        String marker = UUID.randomUUID().toString();
        mongo.insert(new ProcessedEvent("old-" + marker, "c", "old-" + marker, "t", "M001", now.minus(Duration.ofDays(15)))).block();
        mongo.insert(new ProcessedEvent("new-" + marker, "c", "new-" + marker, "t", "M001", now.minus(Duration.ofDays(6)))).block();
        mongo.insert(new Document("_id", "old-" + marker).append("createdAt", now.minus(Duration.ofDays(8))), "idempotency_keys").block();
        mongo.insert(new Document("_id", "new-" + marker).append("createdAt", now.minus(Duration.ofHours(1))), "idempotency_keys").block();

        assertThat(housekeeping.pruneOnce().block()).isGreaterThanOrEqualTo(2);

        assertThat(mongo.findById("old-" + marker, ProcessedEvent.class).block()).isNull();
        assertThat(mongo.findById("new-" + marker, ProcessedEvent.class).block()).isNotNull();
        assertThat(mongo.findById("old-" + marker, Document.class, "idempotency_keys").block()).isNull();
        assertThat(mongo.findById("new-" + marker, Document.class, "idempotency_keys").block()).isNotNull();
    }

}
