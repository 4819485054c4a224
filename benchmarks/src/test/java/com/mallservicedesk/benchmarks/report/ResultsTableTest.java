package com.mallservicedesk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.benchmarks.burst.BurstResult;
import com.mallservicedesk.benchmarks.ceiling.CeilingResult;
import com.mallservicedesk.benchmarks.growth.GrowthResult;
import com.mallservicedesk.benchmarks.growth.SearchIndexWatch;
import com.mallservicedesk.benchmarks.load.Latencies;
import com.mallservicedesk.benchmarks.memory.MemoryReading;
import com.mallservicedesk.benchmarks.rate.RateResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static final Latencies.Summary FAST = new Latencies.Summary(100, 20, 40, 60, 90);
    private static final Latencies.Summary SLOW = new Latencies.Summary(100, 90, 180, 250, 400);
    private static final MemoryReading MEMORY = new MemoryReading(2L << 30, 1L << 29, 1L << 28, 7);

    @Test
    void everyMeasurementStandsNextToItsTarget() {
        var results = new Results("Run ABCD on 2026-11-25.", List.of(
                growth(0, 450), growth(200_000, 420)),
                List.of(rate(200, 200, FAST, FAST, 199, Duration.ofMillis(80)),
                        rate(400, 310, SLOW, SLOW, 120, Duration.ofSeconds(40))),
                new BurstResult(2000, 64, 5.0, 400, 0, "none", 1500, Duration.ofMillis(800), 1875, 0, MEMORY),
                new CeilingResult(5000, 16, new CeilingResult.Pass(2100, 0, FAST), new CeilingResult.Pass(3000, 0, FAST),
                        new CeilingResult.Pass(9000, 0, FAST), 900, 450), MEMORY);

        String table = ResultsTable.markdown(results);

        assertThat(table).startsWith("Run ABCD on 2026-11-25.\n\n| measurement | load | result | target | met |\n|---|---|---|---|---|\n");
        assertThat(table).contains(
                "| registration, 0 stored | 2,000 requests, 16 concurrent | 450 requests/s (0 failed); p50 20.0 ms, p99 60.0 ms | ≥ 400 requests/s | yes |",
                "| registration, 200,000 stored | 2,000 requests, 16 concurrent | 420 requests/s (0 failed); p50 20.0 ms, p99 60.0 ms; 93 % of 0 stored | ≥ 90 % of the fastest stage with fewer stored | yes |",
                "| 201 → work order visible, 200,000 stored | 100 requests, one at a time | p50 20.0 ms, p99 60.0 ms |  |  |",
                "| registration at 200/s | 200 requests/s for 30 s, open loop | 200.0 requests/s achieved (0 failed); p50 20.0 ms, p99 60.0 ms | p99 ≤ 100 ms at 200/s | yes |",
                "| 201 → work order opened at 200/s | every request of the phase | p50 20.0 ms, p99 60.0 ms | p99 ≤ 100 ms at 200/s | yes |",
                "| dispatch at 200/s | same | 199.0 work orders/s for 200.0 requests/s; last one 0.08 s after the last 201: kept up |  |  |",
                "| dispatch at 400/s | same | 120.0 work orders/s for 310.0 requests/s; last one 40.00 s after the last 201: fell behind | ≥ 400 requests/s sustained, dispatch keeping up | **no** |",
                "all opened 0.80 s later (1875 work orders/s) | backlog gone ≤ 1.00 s after the burst's last 201 | yes |",
                "| raw ceiling: MongoDB insert + Kafka send, no services | 5,000 operations, 16 concurrent | 2100 operations/s (0 failed); p50 20.0 ms, p99 60.0 ms; MongoDB insert alone 3000/s, Kafka send alone 9000/s; document 900 B, record 450 B | none: what the store and broker allow here |  |",
                "| platform RSS | highest reading of the run | 2.75 GiB (services 2.00 GiB, Kafka 0.50 GiB, MongoDB 0.25 GiB; 7 processes) | ≤ 3 GiB | yes |");
        assertThat(table).doesNotContain("not measured");
    }

    @Test
    void aLaterStageIsComparedWithTheFastestStageBeforeItNotWithAColdFirstOne() {
        String table = ResultsTable.markdown(new Results("run", List.of(growth(0, 26), growth(20_000, 63),
                growth(200_000, 54)), List.of(), null, null, MEMORY));

        assertThat(table).contains(
                "| registration, 20,000 stored | 2,000 requests, 16 concurrent | 63 requests/s (0 failed); p50 20.0 ms, p99 60.0 ms; 242 % of 0 stored | ≥ 90 % of the fastest stage with fewer stored | yes |",
                "| registration, 200,000 stored | 2,000 requests, 16 concurrent | 54 requests/s (0 failed); p50 20.0 ms, p99 60.0 ms; 86 % of 20,000 stored | ≥ 90 % of the fastest stage with fewer stored | **no** |");
    }

    @Test
    void whatARegistrationCostsFollowsTheMainTableForEachStageThatReadIt() {
        var costs = CostsTableTest.fixture();
        var results = new Results("Run ABCD.", List.of(growth(0, 450),
                new GrowthResult(50_000, 2000, 16, 440, 0, "none", FAST, FAST, MEMORY, costs, null, FAST)), List.of(), null, null,
                MEMORY);

        String table = ResultsTable.markdown(results);

        assertThat(table).endsWith("| ≤ 3 GiB | yes |\n\n" + CostsTable.markdown(costs));
        assertThat(table).doesNotContain("costs, 0 stored");
    }

    @Test
    void theReceptionLogsFirstPageFollowsTheStageThatTimedIt() {
        var timed = new GrowthResult(200_000, 2000, 16, 50, 0, "none", FAST, FAST, MEMORY, null, null, FAST);

        String table = ResultsTable.markdown(new Results("run", List.of(growth(0, 60), timed), List.of(), null, null,
                MEMORY));

        assertThat(table).contains("| 201 → work order visible, 200,000 stored | 100 requests, one at a time | "
                + "p50 20.0 ms, p99 60.0 ms |  |  |\n| reception log's first page, 200,000 stored | 100 calls, one at "
                + "a time (20 newest of a mall, no filter) | p50 20.0 ms, p99 60.0 ms |  |  |\n");
        assertThat(table).doesNotContain("reception log's first page, 0 stored");
    }

    @Test
    void howFarTheFreeTextIndexFellBehindFollowsItsStage() {
        var behind = new GrowthResult(200_000, 2000, 16, 50, 0, "none", FAST, FAST, MEMORY, null,
                new SearchIndexWatch.Worst(1234, 12.34, 0), null);

        String table = ResultsTable.markdown(new Results("run", List.of(growth(0, 60), behind), List.of(), null, null,
                MEMORY));

        assertThat(table).contains("| 201 → work order visible, 200,000 stored | 100 requests, one at a time | "
                + "p50 20.0 ms, p99 60.0 ms |  |  |\n| free-text index behind, 200,000 stored | while the stage loaded "
                + "and measured | at most 1,234 texts waiting, the oldest 12.3 s; 0 waiting at the end |  |  |\n");
        assertThat(table).doesNotContain("free-text index behind, 0 stored");
    }

    @Test
    void targetsWithoutAMeasurementSaySo() {
        var results = new Results("Quick run.", List.of(growth(0, 150)), List.of(), null, null, MemoryReading.NONE);

        String table = ResultsTable.markdown(results);

        assertThat(table).contains(
                "| registration, 0 stored | 2,000 requests, 16 concurrent | 150 requests/s (0 failed); p50 20.0 ms, p99 60.0 ms | ≥ 400 requests/s | **no** |",
                "| registration and 201 → work order at 200/s | not run (--rate 200) |  | p99 ≤ 100 ms at 200/s | not measured |",
                "| sustained registration | not run (--rate 400) |  | ≥ 400 requests/s sustained, dispatch keeping up | not measured |",
                "| burst drain | not run (--burst N) |  | backlog gone ≤ 1.00 s after the burst's last 201 | not measured |",
                "| platform RSS | highest reading of the run | no platform processes found | ≤ 3 GiB | not measured |");
        assertThat(table).doesNotContain("raw ceiling");
    }

    @Test
    void aSlowPhaseAtTwoHundredMissesTheLatencyTargetsAndFailuresAreNamed() {
        var slow = new RateResult(200, Duration.ofSeconds(30), 190, 3, "3 × HTTP 503", SLOW, SLOW, 150,
                Duration.ofSeconds(5), 2, MEMORY);

        String table = ResultsTable.markdown(new Results("", List.of(), List.of(slow), null, null, MEMORY));

        assertThat(table).contains(
                "| registration at 200/s | 200 requests/s for 30 s, open loop | 190.0 requests/s achieved (3 failed: 3 × HTTP 503); p50 90.0 ms, p99 250.0 ms | p99 ≤ 100 ms at 200/s | **no** |",
                "| 201 → work order opened at 200/s | every request of the phase | p50 90.0 ms, p99 250.0 ms; 2 work orders never appeared | p99 ≤ 100 ms at 200/s | **no** |");
    }

    @Test
    void oneMissingWorkOrderIsSingular() {
        var phase = new RateResult(200, Duration.ofSeconds(30), 200, 0, "none", FAST, FAST, 199, Duration.ZERO, 1, MEMORY);

        assertThat(ResultsTable.markdown(new Results("", List.of(), List.of(phase), null, null, MEMORY)))
                .contains("p50 20.0 ms, p99 60.0 ms; 1 work order never appeared | p99 ≤ 100 ms at 200/s | **no** |");
    }

    private static GrowthResult growth(long stored, double perSecond) {
        return new GrowthResult(stored, 2000, 16, perSecond, 0, "none", FAST, FAST, MEMORY, null, null, null);
    }

    private static RateResult rate(double target, double achieved, Latencies.Summary registration,
                                   Latencies.Summary toWorkOrder, double workOrders, Duration tail) {
        return new RateResult(target, Duration.ofSeconds(30), achieved, 0, "none", registration, toWorkOrder,
                workOrders, tail, 0, MEMORY);
    }
}
