package com.mallservicedesk.localplatform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local platform's MongoDB-wire server and Kafka broker as child processes on free ports, for end-to-end tests
 * that kill them with SIGKILL and start them again on the same ports and data. It lives in the launcher's package
 * because {@link MongoProcess} and {@link KafkaProcess} are the launcher's own: the test starts exactly what
 * {@code deploy/run-local.sh} starts, without the launcher having to publish them.
 *
 * <p>The children run from the launcher's classpath: its classes (on this JVM's classpath) plus the dependency list
 * its build writes to {@code target/classpath.txt}. The end-to-end tests' own classpath leaves the broker and the
 * H2-backed server out on purpose (their logging would clash with the embedded test servers).
 */
public final class KillableInfrastructure implements AutoCloseable {

    /** A broker on two busy cores takes far less; a first start also formats its storage. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final MongoProcess mongo;
    private final KafkaProcess kafka;
    private ChildProcess store;
    private ChildProcess broker;

    private KillableInfrastructure(MongoProcess mongo, KafkaProcess kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /**
     * Starts both, with their data in {@code dataDir} and their logs in {@code logsDir}, and waits until they accept
     * connections. {@code launcherClasspathFile} is the local platform's {@code target/classpath.txt}.
     */
    public static KillableInfrastructure start(Path dataDir, Path logsDir, Path launcherClasspathFile)
            throws IOException, InterruptedException, LaunchFailure {
        JavaCommand java = launcherJava(launcherClasspathFile);
        KillableInfrastructure infrastructure = new KillableInfrastructure(
                new MongoProcess(java, Ports.LOOPBACK, freePort(), dataDir.resolve("mongo/platform.bson.mv"),
                        logsDir.resolve(MongoProcess.NAME + ".log")),
                new KafkaProcess(java, new KafkaServerConfig(Ports.LOOPBACK, freePort(), freePort(),
                        dataDir.resolve("kafka")), dataDir.resolve("config/kafka"),
                        logsDir.resolve(KafkaProcess.NAME + ".log")));
        try {
            infrastructure.startStore();
            infrastructure.startBroker();
            return infrastructure;
        } catch (IOException | InterruptedException | LaunchFailure | RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    public String mongoUri() {
        return mongo.uri();
    }

    public String kafkaBootstrapServers() {
        return kafka.config().bootstrapServers();
    }

    /** Starts the store on its port and data file, keeping the log of an earlier run; waits until it listens. */
    public synchronized void startStore() throws IOException, InterruptedException, LaunchFailure {
        store = mongo.start(store != null);
        new HealthWaiter().awaitPort(store, mongo.host(), mongo.port(), START_TIMEOUT);
    }

    /** Starts the broker on its ports and log directory, keeping its earlier log; waits until it listens. */
    public synchronized void startBroker() throws IOException, InterruptedException, LaunchFailure {
        broker = kafka.start(broker != null);
        new HealthWaiter().awaitPort(broker, kafka.config().host(), kafka.config().brokerPort(), START_TIMEOUT);
    }

    /** SIGKILL of the store (no shutdown hook, no clean close of its file); returns its exit code. */
    public synchronized int killStore() {
        store.kill();
        return store.exitValue();
    }

    /** SIGKILL of the broker (no controlled shutdown, no flush); returns its exit code. */
    public synchronized int killBroker() {
        broker.kill();
        return broker.exitValue();
    }

    /** Stops both (SIGTERM), the broker first as the launcher does. */
    @Override
    public synchronized void close() {
        for (ChildProcess child : new ChildProcess[] {broker, store}) {
            if (child != null) {
                child.stop(STOP_GRACE);
            }
        }
    }

    private static JavaCommand launcherJava(Path classpathFile) throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IOException(classpathFile + " is missing: build deploy/local-platform first (it writes the "
                    + "classpath its broker and store run with)");
        }
        Path launcherClasses;
        try {
            launcherClasses = Path.of(MongoServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The local platform's classes have no file location", e);
        }
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                launcherClasses.toAbsolutePath() + File.pathSeparator + Files.readString(classpathFile).strip());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
