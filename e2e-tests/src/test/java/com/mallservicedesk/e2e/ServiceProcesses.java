package com.mallservicedesk.e2e;

import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five services as separate processes from their runnable jars, each with its own database on the
 * shared test MongoDB-wire server and the shared test broker: the platform as it is deployed.
 */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "callback-service",
            "claims-service", "survey-service");

    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path logs;

    private ServiceProcesses(Path logs) {
        this.logs = logs;
    }

    static ServiceProcesses start() throws IOException {
        Path root = Path.of(System.getProperty("platform.root", ".."));
        String version = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
        Path logs = Files.createDirectories(root.resolve("e2e-tests/target/service-logs"));
        ServiceProcesses platform = new ServiceProcesses(logs);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        TestInfrastructure infrastructure = TestInfrastructure.current();
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target").resolve(service + "-" + version + "-exec.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build with ./mvnw verify (it packages the services first)");
            }
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            builder.environment().put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            builder.environment().put("SPRING_MONGODB_URI", infrastructure.mongoUri());
            builder.environment().put("PLATFORM_OUTBOX_POLLINTERVAL", "PT0.5S");
            platform.processes.put(service, builder.start());
            platform.ports.put(service, port);
        }
        platform.awaitHealthy();
        return platform;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : SERVICES) {
            await(service + " healthy (log: " + logs.resolve(service + ".log") + ")")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!processes.get(service).isAlive()) {
                            throw new IllegalStateException(service + " exited; see " + logs.resolve(service + ".log"));
                        }
                        try {
                            var response = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                            return response.statusCode() == 200 && response.body().contains("\"UP\"");
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(process -> {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        processes.clear();
    }
}
