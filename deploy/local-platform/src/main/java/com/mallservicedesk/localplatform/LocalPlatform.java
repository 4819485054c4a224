package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the platform locally: the MongoDB-wire server and the Kafka broker, then the five services, all as child
 * processes that a shutdown hook stops in reverse order on Ctrl-C, SIGTERM or any failure.
 */
public final class LocalPlatform {

    static final String ROOT_PROPERTY = "local.platform.root";
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int MONGO_PORT = 27017;

    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
    /** Ctrl-C reaches the children too (same process group); this long the launcher's own stop gets to claim it. */
    private static final Duration STOP_SIGNAL_ALLOWANCE = Duration.ofSeconds(2);
    private static final int TAIL_LINES = 40;

    private final LauncherOptions options;
    private final JavaCommand java = JavaCommand.ofCurrentJvm();
    private final ChildProcesses children = new ChildProcesses();
    private final HealthWaiter healthWaiter = new HealthWaiter();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private LocalPlatform(LauncherOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, System.getProperty("user.dir")));
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv(), root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(LauncherOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LauncherOptions.usage());
            return;
        }
        LocalPlatform platform = new LocalPlatform(options);
        int exitCode = platform.run();
        // While the shutdown hook runs, the JVM is already exiting: System.exit would only block.
        if (!platform.isStopping()) {
            System.exit(exitCode);
        }
    }

    private int run() {
        try {
            String version = projectVersion();
            Map<ServiceProcess, Path> jars = checkJars(version);
            checkPortsFree();
            if (options.clean()) {
                deleteRecursively(options.dataDir());
                say("Wiped " + options.dataDir());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "local-platform-stop"));
            say("Local platform home: " + options.home());

            KafkaProcess kafkaProcess = new KafkaProcess(java,
                    new KafkaServerConfig(Ports.LOOPBACK, KAFKA_PORT, KAFKA_CONTROLLER_PORT, options.kafkaDataDir()),
                    options.configDir().resolve("kafka"), options.logsDir().resolve("kafka.log"));
            MongoProcess mongoProcess = new MongoProcess(java, Ports.LOOPBACK, MONGO_PORT, options.mongoDataFile(),
                    options.logsDir().resolve("mongodb.log"));
            startInfrastructure(mongoProcess, kafkaProcess);
            startServices(jars, kafkaProcess.config().bootstrapServers(), mongoProcess.uri());
            printSummary(kafkaProcess.config().bootstrapServers(), mongoProcess.uri());
            return superviseUntilAChildEnds();
        } catch (LaunchFailure failure) {
            if (stoppedOnRequest()) {
                return 0;
            }
            report(failure);
            return 1;
        } catch (IOException e) {
            System.err.println("Local platform failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private Map<ServiceProcess, Path> checkJars(String version) throws LaunchFailure {
        Map<ServiceProcess, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceProcess service : ServiceProcess.ALL) {
            Path jar = service.jar(options.repoRoot(), version);
            jars.put(service, jar);
            if (!Files.isRegularFile(jar)) {
                missing.add("  " + service.name() + ": " + jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchFailure("Service jars are missing:\n" + String.join("\n", missing)
                    + "\nBuild them from the repository root with: ./mvnw -B -DskipTests install"
                    + "\n(deploy/run-local.sh does this unless given --no-build)");
        }
        return jars;
    }

    private void checkPortsFree() throws LaunchFailure {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(MONGO_PORT, "MongoDB");
        wanted.put(KAFKA_PORT, "Kafka");
        wanted.put(KAFKA_CONTROLLER_PORT, "Kafka controller");
        ServiceProcess.ALL.forEach(service -> wanted.put(service.port(), service.name()));
        List<String> busy = Ports.inUse(wanted.keySet()).stream()
                .map(port -> "  port " + port + " (" + wanted.get(port) + ")").toList();
        if (!busy.isEmpty()) {
            throw new LaunchFailure("Ports already in use:\n" + String.join("\n", busy)
                    + "\nStop whatever holds them (an earlier local platform, a local Kafka or MongoDB) and retry.");
        }
    }

    private void startInfrastructure(MongoProcess mongoProcess, KafkaProcess kafkaProcess)
            throws IOException, InterruptedException, LaunchFailure {
        say("Starting MongoDB-wire server and Kafka broker ...");
        ChildProcess mongo = mongoProcess.start();
        children.add(MongoProcess.NAME, mongo);
        if (!kafkaProcess.isFormatted()) {
            say("Formatting Kafka storage in " + kafkaProcess.config().logDir() + " (first start)");
        }
        ChildProcess kafka = kafkaProcess.start();
        children.add(KafkaProcess.NAME, kafka);
        Duration mongoUp = healthWaiter.awaitPort(mongo, mongoProcess.host(), mongoProcess.port(),
                INFRASTRUCTURE_TIMEOUT);
        sayUp(MongoProcess.NAME, mongoProcess.uri(), mongoUp);
        Duration kafkaUp = healthWaiter.awaitPort(kafka, kafkaProcess.config().host(),
                kafkaProcess.config().brokerPort(), INFRASTRUCTURE_TIMEOUT);
        sayUp(KafkaProcess.NAME, kafkaProcess.config().bootstrapServers(), kafkaUp);
    }

    private void startServices(Map<ServiceProcess, Path> jars, String kafkaBootstrapServers, String mongoUri)
            throws IOException, InterruptedException, LaunchFailure {
        say("Starting " + jars.size() + " services (logs in " + options.logsDir() + ") ...");
        Map<ServiceProcess, ChildProcess> started = new LinkedHashMap<>();
        for (Map.Entry<ServiceProcess, Path> entry : jars.entrySet()) {
            ChildProcess child = entry.getKey().start(java, entry.getValue(), kafkaBootstrapServers, mongoUri,
                    options.repoRoot(), options.logsDir());
            children.add("services", child);
            started.put(entry.getKey(), child);
        }
        ExecutorService pool = Executors.newFixedThreadPool(started.size(), runnable -> {
            Thread thread = new Thread(runnable, "health-wait");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<Void> waits = new ExecutorCompletionService<>(pool);
            started.forEach((service, child) -> waits.submit(() -> {
                Duration up = healthWaiter.awaitHealthy(child, service.healthUri(), SERVICE_TIMEOUT);
                sayUp(service.name(), service.url(), up);
                return null;
            }));
            for (int healthy = 0; healthy < started.size(); healthy++) {
                Future<Void> done;
                while ((done = waits.poll(1, TimeUnit.SECONDS)) == null) {
                    failIfInfrastructureEnded();
                }
                try {
                    done.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof LaunchFailure failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A service cannot become healthy without the broker or the database: say so instead of timing out. */
    private void failIfInfrastructureEnded() throws LaunchFailure {
        for (ChildProcess child : children.snapshot()) {
            boolean infrastructure = child.name().equals(KafkaProcess.NAME) || child.name().equals(MongoProcess.NAME);
            if (infrastructure && !child.isAlive()) {
                throw new LaunchFailure(child.name() + " exited with code " + child.exitValue()
                        + " while the services were starting", child);
            }
        }
    }

    private void printSummary(String kafkaBootstrapServers, String mongoUri) {
        StringBuilder summary = new StringBuilder("\nMall Service Desk is running\n\n");
        ServiceProcess.ALL.forEach(service -> summary.append(row(service.name(), service.url())));
        summary.append(row("Kafka bootstrap", kafkaBootstrapServers))
                .append(row("MongoDB", mongoUri))
                .append(row("Logs", options.logsDir().toString()))
                .append(row("Data", options.dataDir() + "  (kept across restarts; --clean wipes it)"))
                .append(row("Token", "deploy/dev-token.sh --user alice --name 'Alice' --malls M001,M002 "
                        + "--roles FRONT_DESK,SUPERVISOR"))
                .append(row("", "curl -H \"Authorization: Bearer $(deploy/dev-token.sh ...)\" "
                        + ServiceProcess.ALL.get(0).url() + "/..."))
                .append("\nCtrl-C stops everything.\n");
        say(summary.toString());
    }

    /** Blocks until a child ends; if that was not part of a requested stop, reports it and fails. */
    private int superviseUntilAChildEnds() {
        List<ChildProcess> running = children.snapshot();
        CompletableFuture.anyOf(running.stream().map(ChildProcess::onExit).toArray(CompletableFuture[]::new))
                .join();
        if (stoppedOnRequest()) {
            return 0;
        }
        ChildProcess ended = running.stream().filter(child -> !child.isAlive()).findFirst().orElseThrow();
        report(new LaunchFailure(ended.name() + " exited unexpectedly with code " + ended.exitValue()
                + "; stopping everything", ended));
        return 1;
    }

    private void stopEverything() {
        stopping.countDown();
        if (children.snapshot().stream().anyMatch(ChildProcess::isAlive)) {
            say("Stopping the local platform ...");
        }
        children.stopAll(LocalPlatform::say);
        say("Local platform stopped.");
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    private boolean stoppedOnRequest() {
        if (children.snapshot().isEmpty()) {
            return isStopping();
        }
        try {
            return stopping.await(STOP_SIGNAL_ALLOWANCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isStopping();
        }
    }

    private static void report(LaunchFailure failure) {
        StringBuilder text = new StringBuilder("\nLOCAL PLATFORM FAILED: ").append(failure.getMessage()).append('\n');
        List<String> tail = failure.logTail(TAIL_LINES);
        if (!tail.isEmpty()) {
            text.append("---- last lines of ").append(failure.culprit().logFile()).append(" ----\n");
            tail.forEach(line -> text.append(line).append('\n'));
            text.append("----\n");
        }
        synchronized (LocalPlatform.class) {
            System.err.print(text);
            System.err.flush();
        }
    }

    private static void sayUp(String name, String address, Duration elapsed) {
        say(String.format("%-16s UP   %-26s (%.1f s)", name, address, elapsed.toMillis() / 1000.0));
    }

    private static String row(String label, String value) {
        return String.format("  %-18s %s%n", label, value);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The project version, to find the services' jars; filtered into the resource at build time. */
    static String projectVersion() {
        try (InputStream in = LocalPlatform.class.getResourceAsStream("local-platform.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("project.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
