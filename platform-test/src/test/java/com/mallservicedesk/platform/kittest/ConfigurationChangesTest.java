package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;
import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** Two instances of a service, A and B, over the same database, as the kit wires them into every service. */
class ConfigurationChangesTest extends KitIntegrationTest {

    private static final Duration KEPT_FOR = Duration.ofMinutes(10);
    /** One poll interval, with room for a busy build machine. */
    private static final Duration ABOUT_A_SECOND = Duration.ofSeconds(3);

    @Autowired
    MongoClient client;

    private ReactiveMongoTemplate database;
    private final List<ConfigurationChanges> instances = new ArrayList<>();

    /** Each test has a database of its own, so its changes document starts empty. */
    @BeforeEach
    void ownDatabase() {
        database = new ReactiveMongoTemplate(client, "config-changes-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurationChanges::stop);
        database.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
    }

    @Test
    void aChangeThroughOneInstanceIsSeenOnTheOtherWithinAboutASecondAndWhatDidNotChangeStaysKept() {
        store("M001", "v1");
        store("M002", "v1");
        var a = instance(200);
        var b = instance(200);
        CachedReads<String> onA = a.cache("settings", KEPT_FOR);
        CachedReads<String> onB = b.cache("settings", KEPT_FOR);
        CachedReads<String> otherOnB = b.cache("zones", KEPT_FOR);
        a.start();
        b.start();
        assertThat(read(onA, "M001")).isEqualTo("v1");
        assertThat(read(onB, "M001")).isEqualTo("v1");
        assertThat(read(onB, "M002")).isEqualTo("v1");
        assertThat(read(otherOnB, "M001")).isEqualTo("v1");

        // Stored behind the caches' back: nobody was told, so B keeps serving what it read.
        store("M002", "v2");
        // Stored and told through A: seen on A at once, on B at its next poll.
        store("M001", "v2");
        onA.changed("M001").block();
        assertThat(read(onA, "M001")).isEqualTo("v2");
        await().atMost(ABOUT_A_SECOND).untilAsserted(() -> assertThat(read(onB, "M001")).isEqualTo("v2"));

        // B has taken the change, yet still serves the key nobody changed, and the other cache's same key, from memory.
        assertThat(read(onB, "M002")).isEqualTo("v1");
        assertThat(read(otherOnB, "M001")).isEqualTo("v1");
    }

    @Test
    void anInstanceThatMissedMoreChangesThanAreKeptReadsEverythingAgain() {
        store("M001", "v1");
        store("M002", "v1");
        var a = instance(3);
        var b = instance(3);
        CachedReads<String> onA = a.cache("settings", KEPT_FOR);
        CachedReads<String> onB = b.cache("settings", KEPT_FOR);
        b.start();
        assertThat(read(onB, "M002")).isEqualTo("v1");
        store("M002", "v2");

        // B stops polling (as if paused) and misses as many changes as are kept: it can still tell what they were.
        b.stop();
        for (int i = 0; i < 3; i++) {
            onA.changed("M001").block();
        }
        b.start();
        assertThat(read(onB, "M002")).isEqualTo("v1");

        // One more than are kept: B cannot tell what it missed and reads everything again.
        b.stop();
        for (int i = 0; i < 4; i++) {
            onA.changed("M001").block();
        }
        b.start();
        assertThat(read(onB, "M002")).isEqualTo("v2");

        // The one document stays as small as it was told to be.
        Document recent = database.findById("recent", Document.class, ConfigurationChanges.COLLECTION).block();
        assertThat(recent.get("seq", Number.class).longValue()).isEqualTo(7);
        assertThat(recent.getList("changes", Document.class)).hasSize(3).allSatisfy(change ->
                assertThat(change).containsEntry("cache", "settings").containsEntry("key", "M001"));
    }

    private ConfigurationChanges instance(int kept) {
        var changes = new ConfigurationChanges(database, Clock.systemUTC(), Duration.ofSeconds(1), kept);
        instances.add(changes);
        return changes;
    }

    private void store(String key, String value) {
        database.save(new Document("_id", key).append("value", value), "settings").block();
    }

    private String read(CachedReads<String> cache, String key) {
        return cache.get(key, () -> database.findById(key, Document.class, "settings").map(d -> d.getString("value")))
                .block();
    }
}
