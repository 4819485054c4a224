package com.mallservicedesk.e2e.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the cases with a bounded number in flight (the platform shares two cores with this test), spreading them
 * over a service's instances, and keeps the first megabyte of each answer.
 */
final class FuzzRunner {

    private static final int KEEP = 1024 * 1024;
    private static final int EXCERPT = 1024;

    private final HttpClient http;
    private final Map<String, List<String>> urls;
    private final int concurrency;
    private final Duration timeout;
    private final Set<String> secretsOfB;

    FuzzRunner(HttpClient http, Map<String, List<String>> urls, int concurrency, Duration timeout, Set<String> secretsOfB) {
        this.http = http;
        this.secretsOfB = secretsOfB;
        this.urls = urls;
        this.concurrency = concurrency;
        this.timeout = timeout;
    }

    List<Outcome> run(List<FuzzCase> cases) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (FuzzCase fuzzCase : cases) {
                futures.add(pool.submit(() -> send(fuzzCase)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome send(FuzzCase fuzzCase) {
        long start = System.nanoTime();
        IOException last = null;
        // A connection the server closed while the request was still being written (it had answered a huge body
        // early) is tried once more on a fresh connection before the case counts as unanswered.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return exchange(fuzzCase, start);
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unanswered(fuzzCase, start, "interrupted");
            } catch (IllegalArgumentException e) {
                return unanswered(fuzzCase, start, "not sendable: " + e.getMessage());
            }
        }
        return unanswered(fuzzCase, start, last.getClass().getSimpleName() + ": " + last.getMessage());
    }

    private static Outcome unanswered(FuzzCase fuzzCase, long start, String error) {
        return new Outcome(fuzzCase, 0, "", "", elapsed(start), error, List.of("no-answer"), "");
    }

    private Outcome exchange(FuzzCase fuzzCase, long start) throws IOException, InterruptedException {
        List<String> instances = urls.get(fuzzCase.service());
        String base = instances.get(Math.floorMod(fuzzCase.number(), instances.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + fuzzCase.target()))
                .timeout(timeout)
                .method(fuzzCase.method(), fuzzCase.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(fuzzCase.body().get()));
        fuzzCase.headers().forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            // A live stream (server-sent events) never ends: its status and type are the answer.
            String body = contentType.startsWith("text/event-stream") ? ""
                    : new String(in.readNBytes(KEEP), StandardCharsets.UTF_8);
            int status = response.statusCode();
            List<String> failures = Verdicts.failures(fuzzCase, status, contentType, body, secretsOfB);
            String leaked = failures.contains("cross-mall") ? Verdicts.leaked(body, secretsOfB) : "";
            return new Outcome(fuzzCase, status, contentType, body.length() > EXCERPT ? body.substring(0, EXCERPT) : body,
                    elapsed(start), null, failures, leaked);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
