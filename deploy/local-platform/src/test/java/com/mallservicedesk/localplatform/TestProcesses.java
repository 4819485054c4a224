package com.mallservicedesk.localplatform;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Starts the launcher's child processes in tests: from this module's build output, on free ports. */
final class TestProcesses {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private TestProcesses() {
    }

    /** The JVM running the tests, with the classpath the launcher runs with. */
    static JavaCommand launcherJava() throws IOException {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), launcherClasspath());
    }

    /** The JVM running the tests with only the test classes, for the stand-in children of the supervision tests. */
    static JavaCommand testJava() {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                Path.of("target", "test-classes").toAbsolutePath().toString());
    }

    /** A broker in {@code home}, on free ports, laid out as the launcher lays out its home. */
    static KafkaProcess kafka(Path home) throws IOException {
        return new KafkaProcess(launcherJava(),
                new KafkaServerConfig(Ports.LOOPBACK, freePort(), freePort(), home.resolve("data/kafka")),
                home.resolve("config/kafka"), home.resolve("logs/kafka.log"));
    }

    /** Starts the broker, registers it for stopping, and waits until it accepts connections. */
    static void start(KafkaProcess kafka, ChildProcesses children) throws Exception {
        ChildProcess child = kafka.start();
        children.add(KafkaProcess.NAME, child);
        new HealthWaiter().awaitPort(child, kafka.config().host(), kafka.config().brokerPort(), START_TIMEOUT);
    }

    static Admin admin(String bootstrapServers) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
        // The port opens a moment before the broker has joined its own quorum and can answer metadata requests.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> admin.describeCluster().controller().get(5, TimeUnit.SECONDS) != null);
        return admin;
    }

    /** The classpath the launcher runs with: this module's classes plus the list Maven writes before the tests. */
    static String launcherClasspath() throws IOException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        String dependencies = Files.readString(Path.of("target", "classpath.txt")).strip();
        return classes + File.pathSeparator + dependencies;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
