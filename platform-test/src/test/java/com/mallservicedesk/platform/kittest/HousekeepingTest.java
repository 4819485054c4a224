package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.housekeeping.Housekeeping;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.store.TimeKeys;
import com.mallservicedesk.platform.store.TimeOrderedIds;
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
        // Keys as the inbox writes them, <consumer>/<event id>, for two consumers; event ids carry their time.
        String oldA = processed("a-" + marker, now.minus(Duration.ofDays(15)));
        String newA = processed("a-" + marker, now.minus(Duration.ofDays(6)));
        String oldB = processed("b-" + marker, now.minus(Duration.ofDays(14).plusMinutes(1)));
        String newB = processed("b-" + marker, now.minus(Duration.ofDays(14).minusMinutes(1)));
        idempotencyKey("old-" + marker, now.minus(Duration.ofDays(8)));
        idempotencyKey("new-" + marker, now.minus(Duration.ofHours(1)));

        assertThat(housekeeping.pruneOnce().block()).isGreaterThanOrEqualTo(3);

        assertThat(mongo.findById(oldA, ProcessedEvent.class).block()).isNull();
        assertThat(mongo.findById(oldB, ProcessedEvent.class).block()).isNull();
        assertThat(mongo.findById(newA, ProcessedEvent.class).block()).isNotNull();
        assertThat(mongo.findById(newB, ProcessedEvent.class).block()).isNotNull();
        assertThat(mongo.findById("old-" + marker, Document.class, "idempotency_keys").block()).isNull();
        assertThat(mongo.findById("new-" + marker, Document.class, "idempotency_keys").block()).isNotNull();
    }

    /** A key as the kit stores it: its creation time and id in {@code createdKey}, the index the expiry walks. */
    private void idempotencyKey(String id, Instant createdAt) {
        mongo.insert(new Document("_id", id).append("createdAt", createdAt)
                .append("createdKey", TimeKeys.of(createdAt) + "#" + id), "idempotency_keys").block();
    }

    /** A consumer's record of an event made at {@code madeAt} (processed now: the key decides, not the time of processing). */
    private String processed(String consumer, Instant madeAt) {
        String eventId = TimeOrderedIds.lowestMadeAt(madeAt).substring(0, 24) + UUID.randomUUID().toString().substring(24);
        String key = consumer + "/" + eventId;
        mongo.insert(new ProcessedEvent(key, consumer, eventId, "t", "M001", Instant.now())).block();
        return key;
    }

}
