package com.mallservicedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.localplatform.PlatformService;
import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestInfrastructure;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's prometheus package, which .ci/run installs) scrapes every running service instance on
 * its management port with the project's rule files: every target is up, every rule evaluates without error against
 * the real series, and the DeadLetters alert fires once a consumer really dead-letters a record.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class RealPrometheusScrapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path RULES = Path.of(System.getProperty("platform.root", "..")).resolve("deploy/observability")
            .toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void prometheusScrapesEveryServiceEvaluatesTheRulesAndFiresAnAlertOnRealData(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(onPath("prometheus"), "prometheus is not installed (Debian package prometheus; .ci/run installs it)");
        ServiceProcesses platform = SharedPlatform.get();
        List<String> targets = new ArrayList<>();
        for (PlatformService service : PlatformService.ALL) {
            for (String url : platform.urls(service.name())) {
                // The management port is the service port + 1000 (the platform contract), on loopback.
                int servicePort = URI.create(url).getPort();
                targets.add("\"127.0.0.1:" + (servicePort + 1000) + "\"");
            }
        }
        List<String> ruleFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(RULES)) {
            files.filter(f -> f.getFileName().toString().endsWith(".yml") && !f.getFileName().toString().equals("prometheus.yml"))
                    .forEach(f -> ruleFiles.add("  - " + f));
        }
        Files.writeString(tmp.resolve("prometheus.yml"), """
                global: { scrape_interval: 1s, evaluation_interval: 1s }
                rule_files:
                %s
                scrape_configs:
                  - job_name: mall-service-desk
                    metrics_path: /actuator/prometheus
                    static_configs: [ { targets: [%s] } ]
                """.formatted(String.join("\n", ruleFiles), String.join(", ", targets)));
        int port = freePort();
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + tmp.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + tmp.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + port + "/api/v1/";
        try {
            JsonNode up = await(api, "query?query=" + encode("count(up{job=\"mall-service-desk\"} == 1)"),
                    r -> r.path("data").path("result").path(0).path("value").path(1).asString("").equals(
                            String.valueOf(targets.size())), tmp);
            assertThat(up.path("status").asString()).isEqualTo("success");
            JsonNode applications = get(api + "query?query=" + encode("count by (application) (platform_outbox_backlog)"));
            assertThat(applications.path("data").path("result").findValuesAsString("application"))
                    .containsExactlyInAnyOrder(PlatformService.ALL.stream().map(PlatformService::name).toArray(String[]::new));

            JsonNode rules = await(api, "rules", r -> !r.path("data").path("groups").findValuesAsString("health").isEmpty()
                    && !r.path("data").path("groups").findValuesAsString("health").contains("unknown"), tmp);
            assertThat(rules.path("data").path("groups").findValuesAsString("health")).as("rule health").containsOnly("ok");

            deadLetterARecord();
            JsonNode alerts = await(api, "alerts", r -> r.path("data").path("alerts").findValuesAsString("alertname")
                    .contains("DeadLetters"), tmp);
            assertThat(alerts.path("data").path("alerts").findValuesAsString("state")).isNotEmpty();
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    /** A record without CloudEvents headers on a topic every consumer of intake reads: they dead-letter it at once. */
    private static void deadLetterARecord() throws Exception {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.current().kafkaBootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(settings)) {
            producer.send(new ProducerRecord<>("intake.requests.v1", "scrape-" + UUID.randomUUID(), "{not an event")).get();
        }
    }

    private JsonNode await(String api, String path, java.util.function.Predicate<JsonNode> done, Path tmp) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Awaitility.await("Prometheus answering " + path).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class) // Prometheus is still starting (ConnectException and kin).
                    .until(() -> {
                        last.set(get(api + path));
                        return last.get();
                    }, done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Prometheus never answered " + path + " as expected; last answer " + last.get()
                    + "\nlog:\n" + Files.readString(tmp.resolve("prometheus.log")), e);
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
