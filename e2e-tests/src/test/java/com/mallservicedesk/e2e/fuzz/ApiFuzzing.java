package com.mallservicedesk.e2e.fuzz;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fuzzing run: read the documents, seed two malls, derive the cases, send them service by service, judge. */
public final class ApiFuzzing {

    private final HttpClient http;
    private final Map<String, List<String>> urls;
    private final long seed;
    private final int minCases;
    private final int concurrency;

    public ApiFuzzing(HttpClient http, Map<String, List<String>> urls, long seed, int minCases, int concurrency) {
        this.http = http;
        this.urls = urls;
        this.seed = seed;
        this.minCases = minCases;
        this.concurrency = concurrency;
    }

    public FuzzReport run() throws IOException, InterruptedException {
        Map<String, ApiDocument> documents = new LinkedHashMap<>();
        Map<String, String> first = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> service : urls.entrySet()) {
            documents.put(service.getKey(), ApiDocument.fetch(http, service.getKey(), service.getValue().get(0)));
            first.put(service.getKey(), service.getValue().get(0));
        }
        MallData malls = MallData.seed(http, first, documents);
        malls.notes().forEach(note -> System.out.println("seed: " + note));
        System.out.println("mall B: " + malls.secretsOfB().size() + " ids and texts that no answer in mall A may show, e.g. "
                + malls.secretsOfB().stream().limit(6).toList());
        if (malls.secretsOfB().size() < 6) {
            throw new IllegalStateException("Too little data in mall B to look for it in mall A's answers: " + malls.secretsOfB());
        }

        Map<String, CaseGenerator> generators = new LinkedHashMap<>();
        Map<String, List<FuzzCase>> cases = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, ApiDocument> document : documents.entrySet()) {
            CaseGenerator generator = new CaseGenerator(document.getValue(), malls, seed ^ document.getKey().hashCode());
            generators.put(document.getKey(), generator);
            List<FuzzCase> derived = new ArrayList<>(generator.generate());
            cases.put(document.getKey(), derived);
            total += derived.size();
        }
        // Too few derived cases (a small API): top up each service with seeded combinations of them.
        if (total < minCases) {
            int missing = minCases - total;
            int share = missing / documents.size() + 1;
            generators.forEach((service, generator) -> cases.get(service).addAll(generator.combined(share)));
        }

        FuzzRunner runner = new FuzzRunner(http, urls, concurrency, Duration.ofSeconds(30), malls.secretsOfB());
        FuzzReport report = new FuzzReport(seed);
        int number = 0;
        for (Map.Entry<String, List<FuzzCase>> service : cases.entrySet()) {
            List<FuzzCase> numbered = new ArrayList<>();
            for (FuzzCase fuzzCase : service.getValue()) {
                numbered.add(fuzzCase.numbered(++number));
            }
            long start = System.nanoTime();
            List<Outcome> outcomes = runner.run(numbered);
            long millis = (System.nanoTime() - start) / 1_000_000;
            report.add(service.getKey(), outcomes, millis);
            System.out.printf("fuzz: %s %d cases in %.1f s, %d failing%n", service.getKey(), outcomes.size(), millis / 1000.0,
                    outcomes.stream().filter(o -> !o.failures().isEmpty()).count());
        }
        return report;
    }
}
