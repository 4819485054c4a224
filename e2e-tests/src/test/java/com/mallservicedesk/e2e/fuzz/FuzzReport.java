package com.mallservicedesk.e2e.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of a run (cases and answers by service, status and family; duration) and the failing cases, compactly:
 * method, path, body excerpt, status, answer excerpt. Written to target/api-fuzz and printed.
 */
public final class FuzzReport {

    /** A failing case and why. */
    public record Failure(Outcome outcome) {

        List<String> causes() {
            return outcome.failures();
        }

        public String line() {
            String leaked = outcome.leaked();
            FuzzCase c = outcome.fuzzCase();
            return "#" + c.number() + " " + String.join(",", causes()) + " | " + c.service() + " " + c.method() + " "
                    + Excerpts.printable(c.target(), 160) + " | " + c.family() + ":" + Excerpts.printable(c.label(), 60)
                    + " | body " + c.bodyExcerpt(100) + " | → " + (outcome.answered() ? outcome.status() : outcome.error())
                    + " " + outcome.contentType() + " " + Excerpts.printable(outcome.excerpt(), 200)
                    + (leaked.isEmpty() ? "" : " | showed " + leaked);
        }
    }

    private final Map<String, List<Outcome>> byService = new LinkedHashMap<>();
    private final Map<String, Long> millisByService = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final long seed;

    public FuzzReport(long seed) {
        this.seed = seed;
    }

    public void add(String service, List<Outcome> outcomes, long millis) {
        byService.put(service, outcomes);
        millisByService.put(service, millis);
        outcomes.stream().filter(o -> !o.failures().isEmpty()).forEach(o -> failures.add(new Failure(o)));
    }

    public int cases() {
        return byService.values().stream().mapToInt(List::size).sum();
    }

    public List<Failure> failures() {
        return failures;
    }

    public String firstFailures(int count) {
        StringBuilder text = new StringBuilder(failures.size() + " failing cases");
        Map<String, Integer> byCause = new TreeMap<>();
        failures.forEach(f -> f.causes().forEach(cause -> byCause.merge(f.outcome().fuzzCase().service() + " " + cause, 1, Integer::sum)));
        text.append(" ").append(byCause).append("; the first ").append(Math.min(count, failures.size())).append(":\n");
        failures.stream().limit(count).forEach(f -> text.append(f.line()).append('\n'));
        return text.toString();
    }

    /** The table of figures as Markdown. */
    public String table() {
        StringBuilder table = new StringBuilder();
        table.append("| service | cases | 2xx | 4xx | 5xx | no answer | failing | statuses | duration |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
        long totalMillis = 0;
        int[] totals = new int[6];
        Map<Integer, Integer> allStatuses = new TreeMap<>();
        for (Map.Entry<String, List<Outcome>> entry : byService.entrySet()) {
            List<Outcome> outcomes = entry.getValue();
            Map<Integer, Integer> statuses = new TreeMap<>();
            outcomes.forEach(o -> statuses.merge(o.status(), 1, Integer::sum));
            statuses.forEach((k, v) -> allStatuses.merge(k, v, Integer::sum));
            int ok = count(outcomes, 200, 299);
            int client = count(outcomes, 400, 499);
            int server = count(outcomes, 500, 599);
            int none = count(outcomes, 0, 0);
            int failing = (int) failures.stream().filter(f -> f.outcome().fuzzCase().service().equals(entry.getKey())).count();
            long millis = millisByService.get(entry.getKey());
            totalMillis += millis;
            int[] row = {outcomes.size(), ok, client, server, none, failing};
            for (int i = 0; i < row.length; i++) {
                totals[i] += row[i];
            }
            table.append(row(entry.getKey(), row, statuses, millis));
        }
        table.append(row("**all**", totals, allStatuses, totalMillis));
        return table.toString();
    }

    /** Cases by family over all services. */
    public String families() {
        Map<String, int[]> families = new TreeMap<>();
        byService.values().forEach(outcomes -> outcomes.forEach(o -> {
            int[] counts = families.computeIfAbsent(o.fuzzCase().family(), f -> new int[3]);
            counts[0]++;
            if (o.status() >= 400 && o.status() < 500) {
                counts[1]++;
            } else if (o.status() >= 200 && o.status() < 300) {
                counts[2]++;
            }
        }));
        StringBuilder text = new StringBuilder("| family | cases | 4xx | 2xx |\n|---|---:|---:|---:|\n");
        families.forEach((family, counts) -> text.append("| ").append(family).append(" | ").append(counts[0])
                .append(" | ").append(counts[1]).append(" | ").append(counts[2]).append(" |\n"));
        return text.toString();
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String summary = "# API fuzzing run\n\nseed " + seed + ", " + cases() + " cases\n\n" + table() + "\n" + families()
                + "\n" + firstFailures(20);
        Files.writeString(directory.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        StringBuilder all = new StringBuilder();
        failures.forEach(f -> all.append(f.line()).append('\n'));
        Files.writeString(directory.resolve("failures.txt"), all.toString(), StandardCharsets.UTF_8);
        // Every case and its answer, one line each, to compare runs (same seed: same cases in the same order).
        StringBuilder cases = new StringBuilder("number\tservice\tmethod\ttarget\tfamily\tlabel\tstatus\tmillis\tfailures\n");
        byService.values().forEach(outcomes -> outcomes.forEach(o -> {
            FuzzCase c = o.fuzzCase();
            cases.append(c.number()).append('\t').append(c.service()).append('\t').append(c.method()).append('\t')
                    .append(Excerpts.printable(c.target(), 200)).append('\t').append(c.family()).append('\t')
                    .append(Excerpts.printable(c.label(), 80)).append('\t').append(o.status()).append('\t')
                    .append(o.millis()).append('\t').append(String.join(",", o.failures())).append('\n');
        }));
        Files.writeString(directory.resolve("cases.tsv"), cases.toString(), StandardCharsets.UTF_8);
    }

    private static String row(String name, int[] row, Map<Integer, Integer> statuses, long millis) {
        StringBuilder statusText = new StringBuilder();
        statuses.forEach((status, count) -> statusText.append(statusText.isEmpty() ? "" : ", ")
                .append(status == 0 ? "none" : status).append(": ").append(count));
        return "| " + name + " | " + row[0] + " | " + row[1] + " | " + row[2] + " | " + row[3] + " | " + row[4] + " | "
                + row[5] + " | " + statusText + " | " + String.format("%.1f s", millis / 1000.0) + " |\n";
    }

    private static int count(List<Outcome> outcomes, int from, int to) {
        return (int) outcomes.stream().filter(o -> o.status() >= from && o.status() <= to).count();
    }
}
