package com.mallservicedesk.e2e;

import com.mallservicedesk.localplatform.ChildProcess;
import com.mallservicedesk.localplatform.LaunchFailure;
import com.mallservicedesk.localplatform.PlatformService;
import com.mallservicedesk.localplatform.ServiceInstance;
import com.mallservicedesk.localplatform.ServiceLauncher;
import com.mallservicedesk.platform.test.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services as separate processes from their runnable jars, each on a free port, against the shared test broker
 * and MongoDB-wire server: the platform as it is deployed. They are started by the local platform's
 * {@link ServiceLauncher}, the one way a service process is started. A service may run as several instances; they
 * share its database and its consumer group.
 */
final class ServiceProcesses implements AutoCloseable {

    /** Seven JVMs start at once on two cores: about a minute on an idle machine, far longer on a busy one. */
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int MANAGEMENT_PORT_OFFSET = 1000;
    /** Ports given to instances of this test run (service and management), never given twice. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();
    private final List<ChildProcess> processes = new ArrayList<>();
    private final Map<ServiceInstance, ChildProcess> children = new LinkedHashMap<>();
    private ServiceLauncher launcher;

    private ServiceProcesses() {
    }

    /** Starts every service, as many instances as {@code counts} says (one if not named), and waits until healthy. */
    static ServiceProcesses start(Map<String, Integer> counts) throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.current();
        Map<String, Integer> everyService = new LinkedHashMap<>();
        PlatformService.ALL.forEach(service -> everyService.put(service.name(), counts.getOrDefault(service.name(), 1)));
        return start(everyService, infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(),
                root().resolve("e2e-tests/target/service-logs"));
    }

    /**
     * Starts only the services {@code counts} names, that many instances each, against the given broker and store
     * (a test's own, which it may kill), with their logs in {@code logs}; waits until healthy.
     */
    static ServiceProcesses start(Map<String, Integer> counts, String kafkaBootstrapServers, String mongoUri,
                                  Path logs) throws Exception {
        String version = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
        ServiceLauncher launcher = new ServiceLauncher(root(), version, Files.createDirectories(logs))
                .connectedTo(kafkaBootstrapServers, mongoUri)
                .withEnvironment("PLATFORM_OUTBOX_POLLINTERVAL", "PT0.5S");

        ServiceProcesses platform = new ServiceProcesses();
        platform.launcher = launcher;
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "service-processes-stop"));
        try {
            Map<ServiceInstance, ChildProcess> started = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.ALL) {
                for (int number = 1; number <= counts.getOrDefault(service.name(), 0); number++) {
                    ServiceInstance instance = new ServiceInstance(service.name(), number, freePort());
                    ChildProcess child = launcher.start(instance);
                    platform.register(instance, child);
                    started.put(instance, child);
                }
            }
            // They all start at once; waiting for each in turn costs no more than the slowest.
            for (Map.Entry<ServiceInstance, ChildProcess> entry : started.entrySet()) {
                awaitHealthy(launcher, entry.getKey(), entry.getValue());
            }
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** The repository's root directory, where the service jars are built. */
    static Path root() {
        return Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Starts the web console (once) in front of the first instance of each service, in the local profile, with the
     * development users in the given malls; returns its address.
     */
    synchronized String startConsole(List<String> malls) throws InterruptedException {
        if (instances.containsKey(PlatformService.CONSOLE.name())) {
            return url(PlatformService.CONSOLE.name());
        }
        ServiceLauncher console = launcher.withEnvironment("CONSOLE_DEVELOPMENT_MALLS", String.join(",", malls));
        for (PlatformService service : PlatformService.ALL) {
            String name = service.name().replace("-service", "").toUpperCase(java.util.Locale.ROOT);
            console = console.withEnvironment("CONSOLE_SERVICES_" + name, url(service.name()));
        }
        ServiceInstance instance = new ServiceInstance(PlatformService.CONSOLE.name(), 1, freePort());
        ChildProcess child;
        try {
            child = console.start(instance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.add(child);
        awaitHealthy(console, instance, child);
        instances.put(instance.service(), List.of(instance));
        return instance.url();
    }

    private static void awaitHealthy(ServiceLauncher launcher, ServiceInstance instance, ChildProcess child)
            throws InterruptedException {
        try {
            launcher.awaitHealthy(child, instance, HEALTHY_WITHIN);
        } catch (LaunchFailure failure) {
            throw new IllegalStateException(failure.getMessage() + "; last lines of " + child.logFile() + ":\n"
                    + String.join("\n", failure.logTail(40)), failure);
        }
    }

    private synchronized void register(ServiceInstance instance, ChildProcess child) {
        instances.computeIfAbsent(instance.service(), service -> new ArrayList<>()).add(instance);
        processes.add(child);
        children.put(instance, child);
    }

    /** SIGKILL of one instance ({@code number} from 1), as a crash or the OOM killer would end it. */
    synchronized ServiceInstance kill(String service, int number) {
        ServiceInstance instance = instances.get(service).get(number - 1);
        children.get(instance).kill();
        return instance;
    }

    /** Starts a killed instance again on its port, as a supervisor would, and waits until it is healthy. */
    void restart(ServiceInstance instance) throws IOException, InterruptedException {
        ChildProcess child = launcher.start(instance);
        synchronized (this) {
            processes.remove(children.put(instance, child));
            processes.add(child);
        }
        awaitHealthy(launcher, instance, child);
    }

    /** The first instance of the service. */
    String url(String service) {
        return urls(service).get(0);
    }

    /** Every instance of the service, the first first. */
    synchronized List<String> urls(String service) {
        return instances.get(service).stream().map(ServiceInstance::url).toList();
    }

    /**
     * A free port whose management port (+1000, the platform contract) is free too, and neither of which was handed to
     * another instance: the instances start together, so a port one of them will bind soon still looks free.
     */
    private static synchronized int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                int management = port + MANAGEMENT_PORT_OFFSET;
                if (management <= 65_535 && free(management) && !HANDED_OUT.contains(port)
                        && !HANDED_OUT.contains(management)) {
                    HANDED_OUT.add(port);
                    HANDED_OUT.add(management);
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free pair of service and management ports");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Stops all together (SIGTERM: graceful shutdown), as a deployment would. */
    @Override
    public synchronized void close() {
        processes.forEach(ChildProcess::requestStop);
        processes.forEach(process -> process.awaitStop(STOP_GRACE));
        processes.clear();
    }
}
