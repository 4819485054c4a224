package com.mallservicedesk.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(Latencies.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 0.95)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 0.10)).isEqualTo(10);
        assertThat(Latencies.percentile(sorted, 1.0)).isEqualTo(100);
        assertThat(Latencies.percentile(sorted, 0.0)).isEqualTo(10);
    }

    @Test
    void p99OfAHundredIsTheNinetyNinthValue() {
        var latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L); // added out of order on purpose
        }

        var summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50.0);
        assertThat(summary.p99()).isEqualTo(99.0);
        assertThat(summary.max()).isEqualTo(100.0);
        assertThat(summary.brief()).isEqualTo("p50 50.0 ms, p99 99.0 ms");
    }

    @Test
    void growsBeyondItsFirstCapacityAndClampsNegatives() {
        var latencies = new Latencies();
        for (int i = 0; i < 5000; i++) {
            latencies.add(1_000_000);
        }
        latencies.add(-5);

        assertThat(latencies.count()).isEqualTo(5001);
        assertThat(latencies.summary().p50()).isEqualTo(1.0);
        assertThat(latencies.summary().full()).startsWith("p50 1.0 ms");
    }

    @Test
    void withoutSamplesThereAreNoFigures() {
        var summary = new Latencies().summary();

        assertThat(summary.isEmpty()).isTrue();
        assertThat(summary.p99()).isNaN();
        assertThat(summary.brief()).isEqualTo("no samples");
    }

    @Test
    void longLatenciesAreShownInSeconds() {
        assertThat(Latencies.format(12_345)).isEqualTo("12.3 s");
        assertThat(Latencies.format(45.44)).isEqualTo("45.4 ms");
    }
}
