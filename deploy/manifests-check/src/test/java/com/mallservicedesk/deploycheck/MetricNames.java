package com.mallservicedesk.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Metric names on both sides: the Prometheus names the services expose (from the Micrometer meters declared in the
 * sources of the kit and the services, plus the well-known Spring, JVM and Kafka client names), and the names a PromQL
 * expression reads.
 */
final class MetricNames {

    private MetricNames() {
    }

    /**
     * Spring Boot, JVM, process and Kafka client meters the dashboards and rules may use. Each is in the saved
     * /actuator/prometheus sample of a running service (MetricNamesTest checks that), except Prometheus's own series.
     */
    static final Set<String> WELL_KNOWN = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_memory_committed_bytes",
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max",
            "jvm_threads_live_threads", "process_cpu_usage", "system_cpu_usage", "process_uptime_seconds",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_consumed_total",
            "spring_kafka_listener_seconds_count", "spring_kafka_template_seconds_count");

    /** Series Prometheus makes itself. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS",
            "ALERTS_FOR_STATE");

    enum Kind { COUNTER, GAUGE, TIMER, SUMMARY, UNKNOWN }

    /**
     * A meter declared with a literal name: {@code Counter.builder("…")}, {@code Gauge/MultiGauge/GaugeTable/TimeGauge/
     * Timer/DistributionSummary.builder("…")}, {@code registry.counter/gauge/timer/summary("…")}, or a service's own helper
     * named gauge/counter/timer/summary/histogram taking the name first.
     */
    private static final Pattern METER = Pattern.compile(
            "(?:\\b(Counter|FunctionCounter|Gauge|MultiGauge|GaugeTable|TimeGauge|Timer|LongTaskTimer|DistributionSummary)\\.builder"
                    + "|\\b(counter|gauge|timer|summary|histogram))\\(\\s*\"((?:msd|platform)\\.[A-Za-z0-9._-]+)\"");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([a-z]+)\"\\s*\\)");

    /** Prometheus names exposed by the meters declared in the kit's and the services' main sources. */
    static Set<String> exposedBySources() {
        Set<String> names = new TreeSet<>();
        List<Path> roots = Stream.concat(Stream.of(Repo.path("platform-kit")),
                Repo.services().stream().map(s -> Repo.path(s.name()))).map(p -> p.resolve("src/main/java")).toList();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    names.addAll(exposedBy(Repo.read(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    static Set<String> exposedBy(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = METER.matcher(source);
        while (m.find()) {
            Kind kind = kind(m.group(1) != null ? m.group(1) : m.group(2));
            int end = source.indexOf(';', m.end());
            Matcher unit = BASE_UNIT.matcher(source.substring(m.end(), end < 0 ? source.length() : end));
            names.addAll(prometheusNames(m.group(3), kind, unit.find() ? unit.group(1) : null));
        }
        return names;
    }

    private static Kind kind(String call) {
        return switch (call) {
            case "Counter", "FunctionCounter", "counter" -> Kind.COUNTER;
            case "Gauge", "MultiGauge", "GaugeTable", "TimeGauge", "gauge" -> Kind.GAUGE;
            case "Timer", "LongTaskTimer", "timer" -> Kind.TIMER;
            case "DistributionSummary", "summary" -> Kind.SUMMARY;
            default -> Kind.UNKNOWN;
        };
    }

    /** Micrometer's Prometheus naming: dots and dashes to underscores, the base unit, then the type's suffixes. */
    static Set<String> prometheusNames(String meter, Kind kind, String baseUnit) {
        String base = meter.replace('.', '_').replace('-', '_');
        String unit = kind == Kind.TIMER ? "seconds" : baseUnit;
        if (unit != null && !base.endsWith("_" + unit)) {
            base = base + "_" + unit;
        }
        Set<String> names = new TreeSet<>();
        switch (kind) {
            case COUNTER -> names.add(base + "_total");
            case GAUGE -> names.add(base);
            case TIMER, SUMMARY -> {
                for (String suffix : List.of("_count", "_sum", "_max", "_bucket")) {
                    names.add(base + suffix);
                }
            }
            case UNKNOWN -> {
                for (Kind k : List.of(Kind.COUNTER, Kind.GAUGE, Kind.TIMER, Kind.SUMMARY)) {
                    names.addAll(prometheusNames(meter, k, baseUnit));
                }
            }
        }
        return names;
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "inf", "nan", "Inf", "NaN");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** The metric names a PromQL expression reads (Grafana variables allowed), in order of appearance. */
    static Set<String> readBy(String expr) {
        String s = expr
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\{?\\w+}?", " ")
                .replaceAll("\\boffset\\s+\\S+", " ")
                .replaceAll("(?<![\\w:])\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\w:])", " ");
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String name = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean call = next < s.length() && s.charAt(next) == '(';
            if (!call && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Grafana's label_values(metric, label) template queries read a metric too. */
    static Set<String> readByTemplateQuery(String query) {
        Matcher m = Pattern.compile("label_values\\(\\s*([^,()]+?)\\s*,").matcher(query);
        return m.find() ? readBy(m.group(1)) : Set.of();
    }

    /** Every PromQL expression of the dashboards and rule files, keyed by where it is. */
    static Map<String, String> expressions() {
        Map<String, String> exprs = new LinkedHashMap<>();
        for (Map.Entry<String, Dashboards.Dashboard> d : Dashboards.all().entrySet()) {
            d.getValue().queries().forEach((where, expr) -> exprs.put(d.getKey() + " " + where, expr));
        }
        for (String file : Rules.files()) {
            Rules.expressions(file).forEach((rule, expr) -> exprs.put(file + " " + rule, expr));
        }
        return exprs;
    }
}
