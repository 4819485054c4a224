package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.housekeeping.Housekeeping;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.timer.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
        mongo.insert(timer("fired-old-" + marker, Timer.TimerStatus.FIRED, now.minus(Duration.ofDays(31)))).block();
        mongo.insert(timer("cancelled-old-" + marker, Timer.TimerStatus.CANCELLED, now.minus(Duration.ofDays(40)))).block();
        mongo.insert(timer("scheduled-old-" + marker, Timer.TimerStatus.SCHEDULED, now.minus(Duration.ofDays(40)))).block();
        mongo.insert(timer("fired-new-" + marker, Timer.TimerStatus.FIRED, now.minus(Duration.ofDays(2)))).block();

        assertThat(housekeeping.pruneOnce().block()).isGreaterThanOrEqualTo(4);

        assertThat(mongo.findById("old-" + marker, ProcessedEvent.class).block()).isNull();
        assertThat(mongo.findById("new-" + marker, ProcessedEvent.class).block()).isNotNull();
        assertThat(mongo.findById("old-" + marker, Document.class, "idempotency_keys").block()).isNull();
        assertThat(mongo.findById("new-" + marker, Document.class, "idempotency_keys").block()).isNotNull();
        assertThat(mongo.findById("fired-old-" + marker, Timer.class).block()).isNull();
        assertThat(mongo.findById("cancelled-old-" + marker, Timer.class).block()).isNull();
        // A timer that never fired is never thrown away, however old.
        assertThat(mongo.findById("scheduled-old-" + marker, Timer.class).block()).isNotNull();
        assertThat(mongo.findById("fired-new-" + marker, Timer.class).block()).isNotNull();
    }

    private static Timer timer(String id, Timer.TimerStatus status, Instant dueAt) {
        // A kind no poller handles, so the scheduled one stays as it is.
        return new Timer(id, "M001", "kittest.housekeeping", "s", dueAt, status, Map.of(), 1, null, null,
                status == Timer.TimerStatus.FIRED ? dueAt : null);
    }
}
