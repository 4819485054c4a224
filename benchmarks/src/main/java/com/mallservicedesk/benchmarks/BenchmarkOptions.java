package com.mallservicedesk.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line of deploy/benchmark.sh. */
record BenchmarkOptions(String intake, String dispatch, String kafka, String mongodb, int malls, List<Long> growth,
                        int requests, int concurrency, int loadConcurrency, int latencySamples, int warmUp,
                        List<Integer> rates, Duration duration, int maxInFlight, int burst, int burstConcurrency,
                        int ceiling, Duration patience, Path output, boolean costs, boolean defaultServiceLevels,
                        boolean help) {

    private static final Set<String> NAMES = Set.of("intake", "dispatch", "kafka", "mongodb", "malls", "growth",
            "requests", "concurrency", "load-concurrency", "latency-samples", "warm-up", "rate", "duration",
            "max-in-flight", "burst", "burst-concurrency", "ceiling", "patience", "output");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    static String usage() {
        return """
                Usage: deploy/benchmark.sh [options]
                Measures a running local platform (deploy/run-local.sh) from the outside and prints a Markdown table
                for docs/benchmarks.md, also written to benchmarks/target/.

                Stages, in this order:
                  growth     at each number of stored requests: load the benchmark's malls up to it through the API,
                             then registration throughput and latency, and 201 -> work order visible
                  rate       open loop at each fixed rate: registration p99, 201 -> work order p99, dispatch keeping up
                  burst      N requests as fast as intake answers, then the drain of dispatch's backlog
                  ceiling    MongoDB insert + Kafka send without the services, at --concurrency
                  memory     the platform's resident set, read at every stage
                  costs      at each growth stage: store commands and CPU per registration and process, read from
                             each service's /actuator/prometheus (its port + 1000; callback, claims and survey at
                             8083..8085 on intake's host) and from /proc (processes on this machine only)

                Options (defaults in brackets):
                  --growth LIST           stored requests per growth stage, e.g. 0,50k,200k; none skips [0,50000,200000]
                  --requests N            registrations measured per growth stage [2000]
                  --concurrency N         calls in flight for growth measurements and the raw ceiling [16]
                  --load-concurrency N    calls in flight while loading stored requests [32]
                  --latency-samples N     requests timed one at a time per growth stage [200]
                  --malls N               malls the requests are spread over (8 floors x 6 zones each) [500]
                  --warm-up N             requests sent first, to another mall, not reported [200]
                  --rate LIST             requests/s of the fixed-rate phases; none skips [200,400]
                  --duration D            length of each fixed-rate phase, e.g. 30s, 2m [30s]
                  --max-in-flight N       calls open at most in a fixed-rate phase [256]
                  --burst N               burst size; 0 skips [2000]
                  --burst-concurrency N   calls in flight during the burst [64]
                  --ceiling N             raw-ceiling operations; 0 skips [5000]
                  --patience D            how long to wait for one work order before counting it missing [120s]
                  --intake URL            [http://127.0.0.1:8081]
                  --dispatch URL          [http://127.0.0.1:8082]
                  --kafka HOST:PORT       [127.0.0.1:9092]
                  --mongodb URI           [mongodb://127.0.0.1:27017]
                  --output FILE           also write the table here [benchmarks/target/benchmark-<time>.md]
                  --no-costs              skip reading store commands and CPU per registration
                  --default-service-levels
                                          keep the malls' default service levels; otherwise the benchmark gives its
                                          malls the longest a mall may set (dispatch within a day), so that the orders
                                          it never works on do not breach their clocks while later stages are measured
                  --help                  this text

                Quick run (a few minutes on an idle machine):
                  deploy/benchmark.sh --growth 0,2000 --requests 500 --latency-samples 50 --rate 200 --duration 5s \\
                    --burst 300 --ceiling 500
                """;
    }

    static BenchmarkOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        boolean costs = true;
        boolean defaultServiceLevels = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--no-costs")) {
                costs = false;
                continue;
            }
            if (arg.equals("--default-service-levels")) {
                defaultServiceLevels = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option: --" + name);
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        var options = new Values(values);
        return new BenchmarkOptions(
                options.text("intake", "http://127.0.0.1:8081"),
                options.text("dispatch", "http://127.0.0.1:8082"),
                options.text("kafka", "127.0.0.1:9092"),
                options.text("mongodb", "mongodb://127.0.0.1:27017"),
                options.positive("malls", 500),
                options.counts("growth", "0,50000,200000").stream().sorted().distinct().toList(),
                options.positive("requests", 2000),
                options.positive("concurrency", 16),
                options.positive("load-concurrency", 32),
                options.positive("latency-samples", 200),
                (int) options.count("warm-up", 200),
                options.counts("rate", "200,400").stream().filter(rate -> rate > 0).map(Long::intValue).toList(),
                options.duration("duration", Duration.ofSeconds(30)),
                options.positive("max-in-flight", 256),
                (int) options.count("burst", 2000),
                options.positive("burst-concurrency", 64),
                (int) options.count("ceiling", 5000),
                options.duration("patience", Duration.ofSeconds(120)),
                values.containsKey("output") ? Path.of(options.text("output", "")) : null,
                costs,
                defaultServiceLevels,
                help);
    }

    /** "50000", "50_000" or "50k". */
    static long count(String text) {
        String digits = text.trim().toLowerCase().replace("_", "");
        long factor = 1;
        if (digits.endsWith("k")) {
            factor = 1000;
            digits = digits.substring(0, digits.length() - 1);
        }
        if (!digits.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("not a count: " + text);
        }
        return Long.parseLong(digits) * factor;
    }

    /** "30s", "500ms", "2m", "1h"; a bare number is seconds. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 30s, 500ms, 2m)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + text);
        }
        return duration;
    }

    /** The option values by name. */
    private static final class Values {

        private final Map<String, String> values;

        Values(Map<String, String> values) {
            this.values = new LinkedHashMap<>(values);
        }

        String text(String name, String fallback) {
            String value = values.remove(name);
            return value == null ? fallback : value;
        }

        long count(String name, long fallback) {
            String value = values.remove(name);
            return value == null ? fallback : wrap(name, () -> BenchmarkOptions.count(value));
        }

        int positive(String name, int fallback) {
            long value = count(name, fallback);
            if (value < 1 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return (int) value;
        }

        List<Long> counts(String name, String fallback) {
            String value = text(name, fallback).trim();
            List<Long> counts = new ArrayList<>();
            if (value.equals("none")) {
                return counts;
            }
            for (String part : value.split(",")) {
                counts.add(wrap(name, () -> BenchmarkOptions.count(part)));
            }
            return counts;
        }

        Duration duration(String name, Duration fallback) {
            String value = values.remove(name);
            return value == null ? fallback : wrap(name, () -> BenchmarkOptions.duration(value));
        }

        private static <T> T wrap(String name, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
            }
        }
    }
}
