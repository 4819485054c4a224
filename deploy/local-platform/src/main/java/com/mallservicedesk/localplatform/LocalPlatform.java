package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the platform locally: the MongoDB-wire server and the Kafka broker, then the services, all as child processes.
 * Once everything is up, each child is supervised: one that crashes is restarted with back-off while the rest keeps
 * running. A shutdown hook stops everything in reverse order on Ctrl-C or SIGTERM, without restarts.
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
    private final LauncherLog log;
    private final JavaCommand java = JavaCommand.ofCurrentJvm();
    private final ChildProcesses children = new ChildProcesses();
    private final HealthWaiter healthWaiter = new HealthWaiter();
    private final List<Supervisor> supervisors = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService restarts;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private LocalPlatform(LauncherOptions options) {
        this.options = options;
        this.log = new LauncherLog(System.out, System.err, options.logsDir().resolve(LauncherLog.FILE_NAME));
        // A restart waits for its child to be ready on one of these: one thread per child, so none waits for another.
        this.restarts = Executors.newScheduledThreadPool(options.serviceInstances().size() + 2, runnable -> {
            Thread thread = new Thread(runnable, "child-restart");
            thread.setDaemon(true);
            return thread;
        });
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
            ServiceLauncher launcher = new ServiceLauncher(options.repoRoot(), projectVersion(), options.logsDir())
                    .withJit(options.jit())
                    .withNice("intake-service", options.intakeNice());
            List<ServiceInstance> instances = options.serviceInstances();
            ServiceInstance console = PlatformService.CONSOLE.instance(1);
            checkJars(launcher);
            checkPortsFree(instances, console);
            if (options.clean()) {
                deleteRecursively(options.dataDir());
                log.say("Wiped " + options.dataDir());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "local-platform-stop"));
            log.say("Local platform home: " + options.home() + " (services: JIT " + options.jit() + ")");
            if (Files.exists(options.earlierMongoDataFile()) && !Files.exists(options.mongoDataFile())) {
                log.say("Note: " + options.earlierMongoDataFile() + " holds data in the store's earlier format, which "
                        + "this version does not read; it starts with an empty store. To keep that data, dump it with "
                        + "the earlier version's deploy/backup.sh and restore it here (docs/operations.md), or delete "
                        + "the file.");
            }

            KafkaProcess kafkaProcess = new KafkaProcess(java,
                    new KafkaServerConfig(Ports.LOOPBACK, KAFKA_PORT, KAFKA_CONTROLLER_PORT, options.kafkaDataDir()),
                    options.configDir().resolve("kafka"), options.logsDir().resolve("kafka.log"));
            MongoProcess mongoProcess = new MongoProcess(java, Ports.LOOPBACK, MONGO_PORT, options.mongoDataFile(),
                    options.logsDir().resolve("mongodb.log"));
            List<Supervisor> infrastructure = startInfrastructure(mongoProcess, kafkaProcess);
            startServices(launcher.connectedTo(kafkaProcess.config().bootstrapServers(), mongoProcess.uri()),
                    instances, infrastructure);
            startConsole(launcher, console);
            printSummary(console, instances, kafkaProcess.config().bootstrapServers(), mongoProcess.uri());
            superviseUntilStopped();
            return 0;
        } catch (LaunchFailure failure) {
            if (stoppedOnRequest()) {
                return 0;
            }
            report(failure);
            return 1;
        } catch (IOException e) {
            log.error("Local platform failed: " + e + "\n");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void checkJars(ServiceLauncher launcher) throws LaunchFailure {
        List<String> missing = Stream.concat(PlatformService.ALL.stream(), Stream.of(PlatformService.CONSOLE))
                .filter(service -> !Files.isRegularFile(launcher.jar(service.name())))
                .map(service -> "  " + service.name() + ": " + launcher.jar(service.name())).toList();
        if (!missing.isEmpty()) {
            throw new LaunchFailure("Service jars are missing:\n" + String.join("\n", missing)
                    + "\nBuild them from the repository root with: ./mvnw -B -DskipTests install"
                    + "\n(deploy/run-local.sh does this unless given --no-build)");
        }
    }

    private void checkPortsFree(List<ServiceInstance> instances, ServiceInstance console) throws LaunchFailure {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(MONGO_PORT, "MongoDB");
        wanted.put(KAFKA_PORT, "Kafka");
        wanted.put(KAFKA_CONTROLLER_PORT, "Kafka controller");
        instances.forEach(instance -> wanted.put(instance.port(), instance.name()));
        wanted.put(console.port(), console.name());
        List<String> busy = Ports.inUse(wanted.keySet()).stream()
                .map(port -> "  port " + port + " (" + wanted.get(port) + ")").toList();
        if (!busy.isEmpty()) {
            throw new LaunchFailure("Ports already in use:\n" + String.join("\n", busy)
                    + "\nStop whatever holds them (an earlier local platform, a local Kafka or MongoDB) and retry.");
        }
    }

    private List<Supervisor> startInfrastructure(MongoProcess mongoProcess, KafkaProcess kafkaProcess)
            throws IOException, InterruptedException, LaunchFailure {
        log.say("Starting MongoDB-wire server and Kafka broker ...");
        Supervisor mongo = supervisor(MongoProcess.NAME, mongoProcess::start, child ->
                healthWaiter.awaitPort(child, mongoProcess.host(), mongoProcess.port(), INFRASTRUCTURE_TIMEOUT));
        ChildProcess mongoChild = mongo.start();
        children.add(MongoProcess.NAME, mongo);
        if (!kafkaProcess.isFormatted()) {
            log.say("Formatting Kafka storage in " + kafkaProcess.config().logDir() + " (first start)");
        }
        Supervisor kafka = supervisor(KafkaProcess.NAME, kafkaProcess::start, child -> healthWaiter.awaitPort(child,
                kafkaProcess.config().host(), kafkaProcess.config().brokerPort(), INFRASTRUCTURE_TIMEOUT));
        ChildProcess kafkaChild = kafka.start();
        children.add(KafkaProcess.NAME, kafka);
        sayUp(MongoProcess.NAME, mongoProcess.uri(), healthWaiter.awaitPort(mongoChild, mongoProcess.host(),
                mongoProcess.port(), INFRASTRUCTURE_TIMEOUT));
        sayUp(KafkaProcess.NAME, kafkaProcess.config().bootstrapServers(), healthWaiter.awaitPort(kafkaChild,
                kafkaProcess.config().host(), kafkaProcess.config().brokerPort(), INFRASTRUCTURE_TIMEOUT));
        return List.of(mongo, kafka);
    }

    private void startServices(ServiceLauncher launcher, List<ServiceInstance> instances,
                               List<Supervisor> infrastructure)
            throws IOException, InterruptedException, LaunchFailure {
        log.say("Starting " + instances.size() + " service instances (logs in " + options.logsDir() + ") ...");
        Map<ServiceInstance, ChildProcess> started = new LinkedHashMap<>();
        for (ServiceInstance instance : instances) {
            Supervisor supervisor = supervisor(instance.name(), afterCrash -> launcher.start(instance, afterCrash),
                    child -> launcher.awaitHealthy(child, instance, SERVICE_TIMEOUT))
                    .watchLiveness(new LivenessProbe(instance.livenessUri()), Supervisor.LivenessChecks.STANDARD);
            started.put(instance, supervisor.start());
            children.add("services", supervisor);
        }
        ExecutorService pool = Executors.newFixedThreadPool(started.size(), runnable -> {
            Thread thread = new Thread(runnable, "health-wait");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<Void> waits = new ExecutorCompletionService<>(pool);
            started.forEach((instance, child) -> waits.submit(() -> {
                sayUp(instance.name(), instance.url(), launcher.awaitHealthy(child, instance, SERVICE_TIMEOUT));
                return null;
            }));
            for (int healthy = 0; healthy < started.size(); healthy++) {
                Future<Void> done;
                while ((done = waits.poll(1, TimeUnit.SECONDS)) == null) {
                    failIfEnded(infrastructure);
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

    /**
     * The web console, once the services are up: it relays to their standard ports (its defaults), signs people in as
     * development users (the 'local' profile the launcher sets) and is supervised like them.
     */
    private void startConsole(ServiceLauncher launcher, ServiceInstance console)
            throws IOException, InterruptedException, LaunchFailure {
        Supervisor supervisor = supervisor(console.name(), afterCrash -> launcher.start(console, afterCrash),
                child -> launcher.awaitHealthy(child, console, SERVICE_TIMEOUT));
        ChildProcess child = supervisor.start();
        children.add("console", supervisor);
        sayUp(console.name(), console.url(), launcher.awaitHealthy(child, console, SERVICE_TIMEOUT));
    }

    /** A service cannot become healthy without the broker or the database: say so instead of timing out. */
    private static void failIfEnded(List<Supervisor> infrastructure) throws LaunchFailure {
        for (Supervisor supervisor : infrastructure) {
            if (!supervisor.isAlive()) {
                ChildProcess child = supervisor.current();
                throw new LaunchFailure(child.name() + " exited with code " + Supervisor.describe(child.exitValue())
                        + " while the services were starting", child);
            }
        }
    }

    private Supervisor supervisor(String name, Supervisor.Launch launch, Supervisor.Readiness readiness) {
        Supervisor supervisor = new Supervisor(name, launch, readiness, RestartBackoff.STANDARD, restarts, log::say);
        supervisors.add(supervisor);
        return supervisor;
    }

    private void printSummary(ServiceInstance console, List<ServiceInstance> instances, String kafkaBootstrapServers,
                              String mongoUri) {
        StringBuilder summary = new StringBuilder("\nMall Service Desk is running\n\n");
        summary.append(row("Web console", console.url() + "  (open it in a browser; sign in as a development user)"));
        // The actuator (metrics, health details) listens on each service's port + 1000, on loopback.
        instances.forEach(instance -> summary.append(row(instance.name(), instance.url() + "  (metrics: "
                + "http://127.0.0.1:" + (instance.port() + 1000) + "/actuator/prometheus)")));
        summary.append(row("Kafka bootstrap", kafkaBootstrapServers))
                .append(row("MongoDB", mongoUri))
                .append(row("Logs", options.logsDir() + "  (the launcher's: " + log.file().getFileName() + ")"))
                .append(row("Data", options.dataDir() + "  (kept across restarts; --clean wipes it)"))
                .append(row("Token", "deploy/dev-token.sh --user alice --name 'Alice' --malls M001,M002 "
                        + "--roles FRONT_DESK,SUPERVISOR"))
                .append(row("", "curl -H \"Authorization: Bearer $(deploy/dev-token.sh ...)\" "
                        + instances.get(0).url() + "/..."))
                .append("\nA process that crashes, or a service whose liveness probe fails, is restarted. Ctrl-C stops "
                        + "everything.\n");
        log.say(summary.toString());
    }

    /** From here on crashes are restarts, not failures: the launcher only waits for Ctrl-C or SIGTERM. */
    private void superviseUntilStopped() throws InterruptedException {
        supervisors.forEach(Supervisor::supervise);
        stopping.await();
    }

    private void stopEverything() {
        stopping.countDown();
        // First no more restarts anywhere, then stop stage by stage: a broker restarting under stopping services
        // would only have to be stopped again.
        supervisors.forEach(Supervisor::stopRestarting);
        if (children.snapshot().stream().anyMatch(Stoppable::isAlive)) {
            log.say("Stopping the local platform ...");
        }
        children.stopAll(log::say);
        restarts.shutdownNow();
        log.say("Local platform stopped.");
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

    private void report(LaunchFailure failure) {
        StringBuilder text = new StringBuilder("\nLOCAL PLATFORM FAILED: ").append(failure.getMessage()).append('\n');
        List<String> tail = failure.logTail(TAIL_LINES);
        if (!tail.isEmpty()) {
            text.append("---- last lines of ").append(failure.culprit().logFile()).append(" ----\n");
            tail.forEach(line -> text.append(line).append('\n'));
            text.append("----\n");
        }
        log.error(text.toString());
    }

    private void sayUp(String name, String address, Duration elapsed) {
        log.say(String.format("%-18s UP   %-26s (%.1f s)", name, address, elapsed.toMillis() / 1000.0));
    }

    private static String row(String label, String value) {
        return String.format("  %-18s %s%n", label, value);
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
