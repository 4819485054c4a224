package com.mallservicedesk.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The plain HTTP calls the load and crash tests make: malls of their own, a registration that may meet a killed
 * process, and what they read back afterwards (a status, every item of a paged list such as a mall's work orders).
 */
final class PlatformCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int PAGE = 200;
    /** A JSON object of an answer, read as a map. */
    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    /** A registration's answer: status -1 when none came (the connection was cut or timed out). */
    record Answer(int status, String requestId) {
    }

    private PlatformCalls() {
    }

    /** Malls of this run only ({@code <prefix><random>-1} …): the tests share the platform and keep to their own. */
    static List<String> mallsOfThisRun(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + "-" + n)
                .toList();
    }

    /** Posts a registration to the mall; an answer of -1 when the process underneath was killed or too slow. */
    static Answer register(String intake, String mall, String token, String body, Duration timeout) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(intake + "/api/v1/malls/" + mall + "/requests"))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            return new Answer(response.statusCode(), id.find() ? id.group(1) : null);
        } catch (IOException cutOrTimedOut) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    static int status(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The sum of a gauge's series of one mall, as an instance reports them to Prometheus on its management port (its
     * port + 1000, the platform contract).
     */
    static double gaugeOfMall(String baseUrl, String gauge, String mall) throws IOException, InterruptedException {
        URI metrics = URI.create("http://127.0.0.1:" + (URI.create(baseUrl).getPort() + 1000) + "/actuator/prometheus");
        String text = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return text.lines().filter(line -> line.startsWith(gauge + "{") && line.contains("mall=\"" + mall + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A client of one service instance calling as the token's user, patient enough for a platform under load. */
    static WebTestClient client(String baseUrl, String token) {
        return WebTestClient.bindToServer().baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    /** Every item of a paged list of the platform ({@code {items, page, size, total}}), page by page. */
    static List<Map<String, Object>> allItems(String baseUrl, String path, String token) {
        WebTestClient client = client(baseUrl, token);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> answer = client.get().uri(path + "?size=" + PAGE + "&page=" + page).exchange()
                    .expectStatus().isOk()
                    .expectBody(OBJECT).returnResult().getResponseBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= ((Number) answer.get("total")).longValue()) {
                return all;
            }
        }
    }

    /** Every work order id of the mall (newest first). */
    static List<String> workOrderIds(String dispatch, String mall, String token) {
        return allItems(dispatch, "/api/v1/malls/" + mall + "/work-orders", token).stream()
                .map(item -> (String) item.get("id")).toList();
    }
}
