package com.mallservicedesk.benchmarks;

import com.mallservicedesk.platform.security.DevelopmentTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures a running platform from the outside, as the front desk and dispatch see it:
 * <ol>
 *   <li>registration: how many requests per second intake accepts and how long each call takes;</li>
 *   <li>burst drain: when dispatch shows a work order for every request of that burst;</li>
 *   <li>dispatch latency, once the burst has drained: from intake's 201 until dispatch shows the work order
 *       (outbox relay, Kafka, dispatch's consumer), sampled one request at a time by polling every 10 ms.</li>
 * </ol>
 * Requests are spread over 8 floors and 6 zones. Every run uses a fresh mall id, so runs never mix with real
 * data. Loads only 127.0.0.1.
 */
public final class PlatformBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = System.getenv().getOrDefault("PLATFORM_JWT_SECRET",
            "mall-service-desk-development-secret-do-not-use-in-production");

    private final AtomicInteger sequence = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;
    private final String dispatch;
    private final String mall = "BENCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final String token = DevelopmentTokens.mint(SECRET, "benchmark", "Benchmark", List.of(mall),
            List.of("FRONT_DESK", "SUPERVISOR"), null, Duration.ofHours(2));

    private PlatformBenchmark(String intake, String dispatch) {
        this.intake = intake;
        this.dispatch = dispatch;
    }

    public static void main(String[] args) throws Exception {
        int requests = intArg(args, "--requests", 2000);
        int concurrency = intArg(args, "--concurrency", 16);
        int samples = intArg(args, "--latency-samples", 200);
        var benchmark = new PlatformBenchmark(arg(args, "--intake", "http://127.0.0.1:8081"),
                arg(args, "--dispatch", "http://127.0.0.1:8082"));
        System.out.println("Mall " + benchmark.mall + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        benchmark.register(Math.min(200, requests), concurrency, new Latencies(requests)); // warm-up, not reported
        var registration = new Latencies(requests);
        long started = System.nanoTime();
        int failures = benchmark.register(requests, concurrency, registration);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        System.out.println("| measurement | load | result |");
        System.out.println("|---|---|---|");
        System.out.printf("| registration throughput | %d requests, %d concurrent | %.0f requests/s (%d failed) |%n",
                requests, concurrency, registration.count() / seconds, failures);
        System.out.printf("| registration latency | same | %s |%n", registration.summary());
        int registered = registration.count() + Math.min(200, requests);
        double drain = benchmark.secondsUntilDispatched(registered, started);
        System.out.printf("| burst fully dispatched (all %d work orders visible) | after the burst above | %.1f s after the first request |%n",
                registered, drain);
        var flow = benchmark.dispatchLatency(samples);
        System.out.printf("| intake 201 → work order visible in dispatch | %d requests, one at a time | %s |%n",
                flow.count(), flow.summary());
    }

    private int register(int count, int concurrency, Latencies latencies) throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < count; i++) {
            pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    if (post() == null) {
                        failures.incrementAndGet();
                        return;
                    }
                    latencies.add(System.nanoTime() - start);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return failures.get();
    }

    /** Waits until dispatch shows a work order for every registered request: the backlog has drained. */
    private double secondsUntilDispatched(int expected, long startedNanos) throws Exception {
        while (true) {
            var response = http.send(get(dispatch + "/api/v1/malls/" + mall + "/work-orders?size=1"),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get("total").asInt() >= expected) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(100); // the polling interval of this probe, not a synchronisation
        }
    }

    private Latencies dispatchLatency(int samples) throws Exception {
        var latencies = new Latencies(samples);
        for (int i = 0; i < samples; i++) {
            String id = post();
            if (id == null) {
                continue;
            }
            long registered = System.nanoTime();
            long deadline = registered + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var response = http.send(get(dispatch + "/api/v1/malls/" + mall + "/work-orders/wo-" + id),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    latencies.add(System.nanoTime() - registered);
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(10); // the polling interval of this probe, not a synchronisation
            }
        }
        return latencies;
    }

    /** Registers one repair request somewhere in the mall; returns its id, or null if intake did not answer 201. */
    private String post() throws Exception {
        int place = sequence.getAndIncrement();
        String body = """
                {"channel":"PHONE","kind":"REPAIR","description":"基準測試:洗手間水龍頭漏水",
                 "location":{"floor":"%dF","zone":"%c"},"customer":{"name":"測試","phone":"13800000000","type":"SHOPPER"}}"""
                .formatted(1 + place % 8, (char) ('A' + place / 8 % 6));
        var request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/malls/" + mall + "/requests"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 201 ? JSON.readTree(response.body()).get("id").asString() : null;
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
    }
}
