package com.mallservicedesk.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.net.InetSocketAddress;
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
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Prometheus (Debian's prometheus package, which .ci/run installs): promtool checks every rule file and both
 * scrape configurations; then a Prometheus server scrapes a small HTTP server that answers /actuator/prometheus with a
 * saved answer of a running service, loads the project's rules, runs every dashboard query, and fires ServiceDown
 * (pending) once the scraped server stops. Skipped, with the reason, where the binaries are absent.
 */
class PrometheusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void promtool_accepts_every_rule_file_and_both_scrape_configurations(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Repo.onPath("promtool"), "promtool is not installed (Debian package prometheus; .ci/run installs it)");
        for (String file : Rules.files()) {
            Repo.Run run = Repo.run(Rules.DIR, List.of("promtool", "check", "rules", file));
            assertThat(run.exitCode()).as("promtool check rules %s\n%s", file, run.output()).isZero();
        }
        Repo.Run local = Repo.run(Rules.DIR, List.of("promtool", "check", "config", "prometheus.yml"));
        assertThat(local.exitCode()).as(local.output()).isZero();
        // The compose configuration, with the rule files beside it as compose mounts them.
        Files.copy(Repo.path("deploy/compose/prometheus.yml"), tmp.resolve("prometheus.yml"));
        for (String file : Rules.files()) {
            Files.copy(Rules.DIR.resolve(file), tmp.resolve(file));
        }
        Repo.Run compose = Repo.run(tmp, List.of("promtool", "check", "config", "prometheus.yml"));
        assertThat(compose.exitCode()).as(compose.output()).isZero();
    }

    @Test
    void prometheus_scrapes_a_service_answer_runs_the_dashboard_queries_and_evaluates_an_alert(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Repo.onPath("prometheus"), "prometheus is not installed (Debian package prometheus; .ci/run installs it)");
        byte[] sample = MetricNamesTest.class.getResourceAsStream(MetricNamesTest.SAMPLE).readAllBytes();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/actuator/prometheus", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain;version=0.0.4;charset=utf-8");
            exchange.sendResponseHeaders(200, sample.length);
            exchange.getResponseBody().write(sample);
            exchange.close();
        });
        service.start();

        List<String> ruleFiles = new ArrayList<>();
        for (String file : Rules.files()) {
            ruleFiles.add("  - " + Files.copy(Rules.DIR.resolve(file), tmp.resolve(file)));
        }
        Files.writeString(tmp.resolve("prometheus.yml"), """
                global: { scrape_interval: 1s, evaluation_interval: 1s }
                rule_files:
                %s
                scrape_configs:
                  - job_name: mall-service-desk
                    metrics_path: /actuator/prometheus
                    static_configs: [ { targets: ["127.0.0.1:%d"] } ]
                """.formatted(String.join("\n", ruleFiles), service.getAddress().getPort()));
        int port = freePort();
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + tmp.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + tmp.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + port + "/api/v1/";
        try {
            JsonNode up = await(api, "query?query=" + encode("up{job=\"mall-service-desk\"}"),
                    r -> r.path("data").path("result").path(0).path("value").path(1).asString("").equals("1"), tmp);
            assertThat(up.path("status").asString()).isEqualTo("success");
            JsonNode backlog = get(api + "query?query=" + encode("platform_outbox_backlog"));
            assertThat(backlog.path("data").path("result").size()).as("a kit metric scraped from the service answer").isPositive();

            for (Map.Entry<String, String> e : MetricNames.expressions().entrySet()) {
                String expr = e.getValue().replace("$__rate_interval", "1m").replace("$application", ".+")
                        .replace("$mall", "M001");
                JsonNode answer = get(api + "query?query=" + encode(expr));
                assertThat(answer.path("status").asString()).as("%s: %s\n%s", e.getKey(), expr, answer).isEqualTo("success");
            }
            JsonNode rules = get(api + "rules");
            assertThat(rules.path("data").path("groups").findValuesAsString("health")).as("rule health").containsOnly("ok");

            service.stop(0);
            JsonNode alerts = await(api, "alerts", r -> r.path("data").path("alerts").findValuesAsString("alertname")
                    .contains("ServiceDown"), tmp);
            assertThat(alerts.path("data").path("alerts").path(0).path("state").asString()).isEqualTo("pending");
        } finally {
            service.stop(0);
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    private JsonNode await(String api, String path, Predicate<JsonNode> done, Path tmp) throws Exception {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Awaitility.await("Prometheus answering " + path).atMost(Duration.ofSeconds(90))
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
