package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the launcher's real Kafka broker and MongoDB-wire server child processes on free ports in a temporary
 * home, and checks that both serve clients, stop cleanly and keep their data across a restart.
 */
class InfrastructureProcessesTest {

    @TempDir
    Path home;

    private ChildProcesses children = new ChildProcesses();
    private final List<ChildProcess> running = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        children.stopAll(line -> { });
    }

    @Test
    void kafkaAndMongoServeClientsAndKeepTheirDataAcrossARestart() throws Exception {
        KafkaProcess kafka = TestProcesses.kafka(home);
        MongoProcess mongo = new MongoProcess(TestProcesses.launcherJava(), Ports.LOOPBACK, TestProcesses.freePort(),
                home.resolve("data/mongo/platform.bson.mv"), home.resolve("logs/mongodb.log"));

        start(mongo, kafka);
        assertThat(kafka.isFormatted()).isTrue();
        String clusterId;
        try (Admin admin = admin(kafka)) {
            clusterId = admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
            assertThat(admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)).hasSize(1);
            admin.createTopics(List.of(new NewTopic("local-platform.probe", 3, (short) 1))).all()
                    .get(20, TimeUnit.SECONDS);
        }
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            probes(client).insertOne(new Document("_id", "probe-1").append("survives", "restart"));
            assertThat(probes(client).find(new Document("_id", "probe-1")).first()).containsEntry("survives",
                    "restart");
        }

        stopAll();
        assertThat(Files.readString(home.resolve("logs/kafka.log"))).contains("Formatting");

        start(mongo, kafka);
        try (Admin admin = admin(kafka)) {
            assertThat(admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS)).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("local-platform.probe");
        }
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            assertThat(probes(client).find(new Document("_id", "probe-1")).first()).containsEntry("survives",
                    "restart");
        }
        stopAll();
    }

    private void start(MongoProcess mongo, KafkaProcess kafka) throws Exception {
        ChildProcess mongoChild = mongo.start();
        children.add(MongoProcess.NAME, mongoChild);
        running.add(mongoChild);
        ChildProcess kafkaChild = kafka.start();
        children.add(KafkaProcess.NAME, kafkaChild);
        running.add(kafkaChild);
        HealthWaiter waiter = new HealthWaiter();
        waiter.awaitPort(mongoChild, mongo.host(), mongo.port(), TestProcesses.START_TIMEOUT);
        waiter.awaitPort(kafkaChild, kafka.config().host(), kafka.config().brokerPort(), TestProcesses.START_TIMEOUT);
    }

    /** Stops both as the launcher does, and checks they are gone and their ports are free again. */
    private void stopAll() {
        children.stopAll(line -> { });
        assertThat(running).noneMatch(ChildProcess::isAlive);
        assertThat(running).allSatisfy(child -> assertThat(child.exitValue())
                .as("exit code of %s", child.name()).isIn(0, 143));
        children = new ChildProcesses();
        running.clear();
    }

    private static Admin admin(KafkaProcess kafka) {
        return TestProcesses.admin(kafka.config().bootstrapServers());
    }

    private static MongoCollection<Document> probes(MongoClient client) {
        return client.getDatabase("local_platform_test").getCollection("probes");
    }
}
