package com.mallservicedesk.benchmarks.report;

import com.mallservicedesk.benchmarks.burst.BurstResult;
import com.mallservicedesk.benchmarks.ceiling.CeilingResult;
import com.mallservicedesk.benchmarks.growth.GrowthResult;
import com.mallservicedesk.benchmarks.load.Latencies;
import com.mallservicedesk.benchmarks.memory.MemoryReading;
import com.mallservicedesk.benchmarks.rate.RateResult;
import java.time.Duration;

/**
 * The Markdown results table for docs/benchmarks.md: each measurement next to the target the issue "Data path: stays
 * fast as a mall's data grows" sets for it, and whether it was met. Targets are reported, never asserted. After it,
 * for each growth stage whose costs were read, what one registration cost each process ({@link CostsTable}).
 */
public final class ResultsTable {

    static final double SUSTAINED_RATE = 400;
    static final double LATENCY_RATE = 200;
    static final double P99_MS = 100;
    static final Duration DRAIN = Duration.ofSeconds(1);
    static final double GROWTH_SHARE = 0.90;
    static final long RSS_BYTES = 3L << 30;

    private final StringBuilder table = new StringBuilder();

    private ResultsTable() {
    }

    public static String markdown(Results results) {
        var t = new ResultsTable();
        t.table.append(results.heading()).append("\n\n")
                .append("| measurement | load | result | target | met |\n")
                .append("|---|---|---|---|---|\n");
        t.growth(results);
        t.rates(results);
        t.burst(results.burst());
        t.ceiling(results.ceiling());
        t.memory(results.peakMemory());
        for (GrowthResult g : results.growth()) {
            if (g.costs() != null) {
                t.table.append('\n').append(CostsTable.markdown(g.costs()));
            }
        }
        return t.table.toString();
    }

    private void growth(Results results) {
        if (results.growth().isEmpty()) {
            row("registration throughput", "not run", "", "≥ %.0f requests/s".formatted(SUSTAINED_RATE), "not measured");
            return;
        }
        GrowthResult first = results.growth().get(0);
        // Each later stage against the fastest before it: the first stage is measured while the JIT still compiles,
        // and growth compared with that alone looked better the colder the start.
        GrowthResult fastest = null;
        for (GrowthResult g : results.growth()) {
            String load = "%,d requests, %d concurrent".formatted(g.requests(), g.concurrency());
            String result = "%.0f requests/s (%s); %s".formatted(g.perSecond(), failed(g.failed(), g.failures()),
                    g.registration().brief());
            if (g == first) {
                row("registration, %,d stored".formatted(g.stored()), load, result,
                        "≥ %.0f requests/s".formatted(SUSTAINED_RATE), met(g.perSecond() >= SUSTAINED_RATE));
            } else {
                double share = fastest.perSecond() == 0 ? 0 : g.perSecond() / fastest.perSecond();
                row("registration, %,d stored".formatted(g.stored()), load,
                        result + "; %.0f %% of %,d stored".formatted(100 * share, fastest.stored()),
                        "≥ %.0f %% of the fastest stage with fewer stored".formatted(100 * GROWTH_SHARE),
                        met(share >= GROWTH_SHARE));
            }
            if (fastest == null || g.perSecond() > fastest.perSecond()) {
                fastest = g;
            }
            row("201 → work order visible, %,d stored".formatted(g.stored()),
                    "%d requests, one at a time".formatted(g.toWorkOrder().count()), g.toWorkOrder().brief(), "", "");
            if (g.logPage() != null) {
                row("reception log's first page, %,d stored".formatted(g.stored()),
                        "%d calls, one at a time (20 newest of a mall, no filter)".formatted(g.logPage().count()),
                        g.logPage().brief(), "", "");
            }
            if (g.searchIndex() != null) {
                row("free-text index behind, %,d stored".formatted(g.stored()), "while the stage loaded and measured",
                        g.searchIndex().brief(), "", "");
            }
        }
    }

    private void rates(Results results) {
        boolean latencyRateRun = false;
        boolean sustainedRateRun = false;
        for (RateResult r : results.rates()) {
            boolean atLatencyRate = r.targetPerSecond() == LATENCY_RATE;
            boolean atSustainedRate = r.targetPerSecond() >= SUSTAINED_RATE;
            latencyRateRun |= atLatencyRate;
            sustainedRateRun |= atSustainedRate;
            String load = "%.0f requests/s for %d s, open loop".formatted(r.targetPerSecond(), r.duration().toSeconds());
            row("registration at %.0f/s".formatted(r.targetPerSecond()), load,
                    "%.1f requests/s achieved (%s); %s".formatted(r.perSecond(), failed(r.failed(), r.failures()),
                            r.registration().brief()),
                    atLatencyRate ? p99Target() : "", atLatencyRate ? met(p99Met(r.registration())) : "");
            row("201 → work order opened at %.0f/s".formatted(r.targetPerSecond()), "every request of the phase",
                    r.toWorkOrder().brief() + missing(r.missing()),
                    atLatencyRate ? p99Target() : "", atLatencyRate ? met(p99Met(r.toWorkOrder()) && r.missing() == 0) : "");
            row("dispatch at %.0f/s".formatted(r.targetPerSecond()), "same",
                    "%.1f work orders/s for %.1f requests/s; last one %s after the last 201: %s".formatted(
                            r.workOrdersPerSecond(), r.perSecond(), seconds(r.tail()),
                            r.keptUp() ? "kept up" : "fell behind"),
                    atSustainedRate ? sustainedTarget() : "",
                    atSustainedRate ? met(r.keptUp() && r.perSecond() >= 0.98 * SUSTAINED_RATE && r.failed() == 0) : "");
        }
        if (!latencyRateRun) {
            row("registration and 201 → work order at 200/s", "not run (--rate 200)", "", p99Target(), "not measured");
        }
        if (!sustainedRateRun) {
            row("sustained registration", "not run (--rate 400)", "", sustainedTarget(), "not measured");
        }
    }

    private void burst(BurstResult b) {
        String target = "backlog gone ≤ %s after the burst's last 201".formatted(seconds(DRAIN));
        if (b == null) {
            row("burst drain", "not run (--burst N)", "", target, "not measured");
            return;
        }
        row("burst of %,d".formatted(b.size()), "%d concurrent, as fast as intake answers".formatted(b.concurrency()),
                ("sent in %.1f s (%.0f requests/s, %s); %,d work orders still to open at the last 201, all opened "
                        + "%s later (%.0f work orders/s)%s").formatted(b.sendSeconds(), b.perSecond(),
                        failed(b.failed(), b.failures()), b.backlog(), seconds(b.drain()), b.drainPerSecond(),
                        missing(b.missing())),
                target, met(b.drain().compareTo(DRAIN) <= 0 && b.missing() == 0));
    }

    private void ceiling(CeilingResult c) {
        if (c == null) {
            return;
        }
        row("raw ceiling: MongoDB insert + Kafka send, no services",
                "%,d operations, %d concurrent".formatted(c.operations(), c.concurrency()),
                ("%.0f operations/s (%d failed); %s; MongoDB insert alone %.0f/s, Kafka send alone %.0f/s; "
                        + "document %d B, record %d B").formatted(c.both().perSecond(), c.both().failed(),
                        c.both().latency().brief(), c.mongo().perSecond(), c.kafka().perSecond(), c.documentBytes(),
                        c.recordBytes()),
                "none: what the store and broker allow here", "");
    }

    private void memory(MemoryReading peak) {
        row("platform RSS", "highest reading of the run",
                peak.processes() == 0 ? "no platform processes found"
                        : "%s (services %s, Kafka %s, MongoDB %s; %d processes)".formatted(
                        MemoryReading.gib(peak.totalBytes()), MemoryReading.gib(peak.servicesBytes()),
                        MemoryReading.gib(peak.kafkaBytes()), MemoryReading.gib(peak.mongoBytes()), peak.processes()),
                "≤ " + MemoryReading.gib(RSS_BYTES).replace(".00", ""),
                peak.processes() == 0 ? "not measured" : met(peak.totalBytes() <= RSS_BYTES));
    }

    private static String p99Target() {
        return "p99 ≤ %.0f ms at %.0f/s".formatted(P99_MS, LATENCY_RATE);
    }

    private static String sustainedTarget() {
        return "≥ %.0f requests/s sustained, dispatch keeping up".formatted(SUSTAINED_RATE);
    }

    private static boolean p99Met(Latencies.Summary latency) {
        return !latency.isEmpty() && latency.p99() <= P99_MS;
    }

    private static String failed(int failed, String failures) {
        return failed == 0 ? "0 failed" : failed + " failed: " + failures;
    }

    private static String missing(int missing) {
        return missing == 0 ? "" : missing == 1 ? "; 1 work order never appeared"
                : "; %d work orders never appeared".formatted(missing);
    }

    static String seconds(Duration duration) {
        return "%.2f s".formatted(duration.toNanos() / 1e9);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void row(String measurement, String load, String result, String target, String met) {
        table.append("| ").append(String.join(" | ", measurement, load, result, target, met)).append(" |\n");
    }
}
