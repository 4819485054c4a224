package com.mallservicedesk.benchmarks.costs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The samples of one scrape of {@code /actuator/prometheus} (the Prometheus text format, version 0.0.4), by series.
 * Lines that are not samples (comments, {@code # HELP}, {@code # TYPE}, blank lines) and lines that do not parse
 * are skipped: a reading is an estimate, and one odd line must not stop a benchmark stage.
 */
public final class PrometheusCounters {

    public static final PrometheusCounters NONE = new PrometheusCounters(Map.of());

    /** A metric name with its labels; label order does not matter. */
    public record Series(String name, Map<String, String> labels) {

        public Series {
            labels = Map.copyOf(labels);
        }
    }

    private final Map<Series, Double> samples;

    private PrometheusCounters(Map<Series, Double> samples) {
        this.samples = Map.copyOf(samples);
    }

    public static PrometheusCounters parse(String text) {
        Map<Series, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                new SampleLine(trimmed).read(samples);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // not a sample we can read: skipped (see the class comment)
            }
        }
        return new PrometheusCounters(samples);
    }

    public Map<Series, Double> samples() {
        return samples;
    }

    public boolean has(String metric) {
        return samples.keySet().stream().anyMatch(series -> series.name().equals(metric));
    }

    /** These samples and another scrape's (another instance of the same service) added up, series by series. */
    public PrometheusCounters plus(PrometheusCounters other) {
        Map<Series, Double> sum = new HashMap<>(samples);
        other.samples.forEach((series, value) -> sum.merge(series, value, Double::sum));
        return new PrometheusCounters(sum);
    }

    /**
     * How much each counter grew since an earlier scrape. A series missing before (its first use came after) grew
     * by its whole value; one that went down was reset (the process restarted) and grew by its value since. NaN
     * samples are left out, a NaN before counts as missing.
     */
    public PrometheusCounters since(PrometheusCounters before) {
        Map<Series, Double> increase = new HashMap<>();
        samples.forEach((series, now) -> {
            if (Double.isNaN(now)) {
                return;
            }
            Double then = before.samples.get(series);
            boolean reset = then == null || Double.isNaN(then) || then > now;
            increase.put(series, reset ? now : now - then);
        });
        return new PrometheusCounters(increase);
    }

    /** The values of one metric added up by a key made of each series' labels, largest first. */
    public Map<String, Double> sumBy(String metric, Function<Map<String, String>, String> key) {
        Map<String, Double> sums = new TreeMap<>();
        samples.forEach((series, value) -> {
            if (series.name().equals(metric) && !Double.isNaN(value)) {
                sums.merge(key.apply(series.labels()), value, Double::sum);
            }
        });
        Map<String, Double> largestFirst = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
        return largestFirst;
    }

    public double total(String metric) {
        return samples.entrySet().stream().filter(e -> e.getKey().name().equals(metric))
                .mapToDouble(Map.Entry::getValue).filter(value -> !Double.isNaN(value)).sum();
    }

    /** {@code name{label="value",…} value [timestamp]}, read left to right. */
    private static final class SampleLine {

        private final String line;
        private int at;

        SampleLine(String line) {
            this.line = line;
        }

        void read(Map<Series, Double> samples) {
            String name = name();
            Map<String, String> labels = new TreeMap<>();
            if (at < line.length() && line.charAt(at) == '{') {
                at++;
                labels(labels);
            }
            String[] rest = line.substring(at).strip().split("\\s+");
            samples.put(new Series(name, labels), value(rest[0]));
        }

        private String name() {
            int start = at;
            while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_'
                    || line.charAt(at) == ':')) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("no name");
            }
            return line.substring(start, at);
        }

        /** Up to and including the closing brace; values may hold commas, braces and escaped quotes. */
        private void labels(Map<String, String> labels) {
            while (true) {
                skipSpaces();
                if (line.charAt(at) == '}') {
                    at++;
                    return;
                }
                String label = name();
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                labels.put(label, quoted());
                skipSpaces();
                if (line.charAt(at) == ',') {
                    at++;
                } else if (line.charAt(at) != '}') {
                    throw new IllegalArgumentException("expected , or }");
                }
            }
        }

        private String quoted() {
            var value = new StringBuilder();
            while (true) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
        }

        private void expect(char c) {
            if (line.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
        }

        private void skipSpaces() {
            while (line.charAt(at) == ' ') {
                at++;
            }
        }

        private static double value(String text) {
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }
    }
}
