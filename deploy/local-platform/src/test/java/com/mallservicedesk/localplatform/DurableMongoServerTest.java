package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB-wire server as the launcher runs it: every write a client saw acknowledged is still there after the
 * server process is killed with SIGKILL (no shutdown hook, no clean close of the H2 file) and started again.
 */
class DurableMongoServerTest {

    /** Well under a second of inserts: before commit-on-write, the store's one-second background commit lost them. */
    private static final int INSERTS = 300;

    @TempDir
    Path home;

    private final List<ChildProcess> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(child -> child.stop(ChildProcesses.STOP_GRACE));
    }

    @Test
    void acknowledgedWritesSurviveAKillOfTheServer() throws Exception {
        MongoProcess mongo = new MongoProcess(TestProcesses.launcherJava(), Ports.LOOPBACK, TestProcesses.freePort(),
                home.resolve("data/mongo/platform.bson.mv"), home.resolve("logs/mongodb.log"));

        ChildProcess first = start(mongo);
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            for (int i = 0; i < INSERTS; i++) {
                probes(client).insertOne(new Document("_id", "probe-" + i).append("n", i));
            }
            probes(client).updateOne(new Document("_id", "probe-0"), new Document("$set", new Document("n", -1)));
            probes(client).deleteOne(new Document("_id", "probe-1"));
        }
        first.kill();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        start(mongo);
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            Set<String> ids = new HashSet<>();
            probes(client).find().forEach(document -> ids.add(document.getString("_id")));
            assertThat(ids).hasSize(INSERTS - 1).doesNotContain("probe-1")
                    .contains("probe-2", "probe-" + (INSERTS - 1));
            assertThat(probes(client).find(new Document("_id", "probe-0")).first()).containsEntry("n", -1);
        }
    }

    private ChildProcess start(MongoProcess mongo) throws Exception {
        ChildProcess child = mongo.start();
        started.add(child);
        new HealthWaiter().awaitPort(child, mongo.host(), mongo.port(), TestProcesses.START_TIMEOUT);
        return child;
    }

    private static MongoCollection<Document> probes(MongoClient client) {
        return client.getDatabase("local_platform_test").getCollection("probes");
    }
}
