package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts services from their executable jars as child processes: the one way both the local platform and the
 * end-to-end tests run a service. Each instance gets the shared environment (broker, database, extra settings) plus
 * its own {@code SERVER_PORT}, and logs to {@code <logs>/<instance name>.log}. Immutable: the {@code with…} methods
 * return a changed copy.
 */
public final class ServiceLauncher {

    public static final String KAFKA_VARIABLE = "SPRING_KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGO_VARIABLE = "SPRING_MONGODB_URI";
    public static final String PROFILE_VARIABLE = "SPRING_PROFILES_ACTIVE";
    public static final String PORT_VARIABLE = "SERVER_PORT";

    private final JavaCommand java;
    private final Path repoRoot;
    private final String version;
    private final Path logsDir;
    private final Jit jit;
    private final Map<String, String> environment;
    /** CPU priority (nice) by service, for those that run below the others. */
    private final Map<String, Integer> niceness;

    /** Jars from {@code <repoRoot>/<service>/target/<service>-<version>-exec.jar}, logs into {@code logsDir}. */
    public ServiceLauncher(Path repoRoot, String version, Path logsDir) {
        // The 'local' profile: the services accept development tokens (never set in production, see the README).
        this(JavaCommand.ofCurrentJvm(), repoRoot.toAbsolutePath().normalize(), version,
                logsDir.toAbsolutePath().normalize(), Jit.C1, Map.of(PROFILE_VARIABLE, "local"), Map.of());
    }

    private ServiceLauncher(JavaCommand java, Path repoRoot, String version, Path logsDir, Jit jit,
                            Map<String, String> environment, Map<String, Integer> niceness) {
        this.java = java;
        this.repoRoot = repoRoot;
        this.version = version;
        this.logsDir = logsDir;
        this.jit = jit;
        this.environment = Map.copyOf(environment);
        this.niceness = Map.copyOf(niceness);
    }

    /** The broker and the database every service instance uses. */
    public ServiceLauncher connectedTo(String kafkaBootstrapServers, String mongoUri) {
        return withEnvironment(KAFKA_VARIABLE, kafkaBootstrapServers).withEnvironment(MONGO_VARIABLE, mongoUri);
    }

    /** One more setting for every instance, as an environment variable (Spring's relaxed binding reads it). */
    public ServiceLauncher withEnvironment(String variable, String value) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.put(variable, value);
        return new ServiceLauncher(java, repoRoot, version, logsDir, jit, changed, niceness);
    }

    public ServiceLauncher withJit(Jit newJit) {
        return new ServiceLauncher(java, repoRoot, version, logsDir, newJit, environment, niceness);
    }

    /** The service's instances run at this CPU priority ({@code nice}, 0 to 19; 0 as the others). */
    public ServiceLauncher withNice(String service, int nice) {
        Map<String, Integer> changed = new LinkedHashMap<>(niceness);
        changed.put(service, nice);
        return new ServiceLauncher(java, repoRoot, version, logsDir, jit, environment, changed);
    }

    /** The command, started through {@code nice} when the priority is lowered (the process keeps nice's pid). */
    static List<String> atNice(int nice, List<String> command) {
        if (nice <= 0) {
            return command;
        }
        List<String> niced = new ArrayList<>(List.of("nice", "-n", Integer.toString(nice)));
        niced.addAll(command);
        return niced;
    }

    /** The jar spring-boot-maven-plugin repackages with the {@code exec} classifier. */
    public Path jar(String service) {
        return repoRoot.resolve(service).resolve("target").resolve(service + "-" + version + "-exec.jar");
    }

    public Path logFile(ServiceInstance instance) {
        return logsDir.resolve(instance.name() + ".log");
    }

    /** Starts the instance with a fresh log. */
    public ChildProcess start(ServiceInstance instance) throws IOException {
        return start(instance, false);
    }

    /** Starts the instance; {@code appendToLog} keeps what an earlier run (one that crashed) wrote to the log. */
    ChildProcess start(ServiceInstance instance, boolean appendToLog) throws IOException {
        Path jar = jar(instance.service());
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build the services first (./mvnw -B -DskipTests install)");
        }
        Map<String, String> instanceEnvironment = new LinkedHashMap<>(environment);
        instanceEnvironment.put(PORT_VARIABLE, Integer.toString(instance.port()));
        List<String> command = atNice(niceness.getOrDefault(instance.service(), 0), java.jar(jit.jvmOptions(), jar));
        return ChildProcess.start(instance.name(), command, instanceEnvironment, repoRoot, logFile(instance),
                appendToLog);
    }

    /**
     * Waits until the instance's {@code /actuator/health} answers UP, failing at once if the process ends; returns
     * the time since it started.
     */
    public Duration awaitHealthy(ChildProcess child, ServiceInstance instance, Duration timeout)
            throws LaunchFailure, InterruptedException {
        return new HealthWaiter().awaitHealthy(child, instance.healthUri(), timeout);
    }
}
