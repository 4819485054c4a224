package com.mallservicedesk.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aLineShowsCountRateAndEta() {
        assertThat(Progress.line("loading", "requests", 12_000, 48_000, Duration.ofSeconds(100)))
                .isEqualTo("  loading: 12,000 / 48,000 (25.0 %), 120 requests/s, ETA 5m 00s");
    }

    @Test
    void aFinishedStepShowsItsDuration() {
        assertThat(Progress.line("loading", "requests", 500, 500, Duration.ofSeconds(4)))
                .isEqualTo("  loading: 500 / 500 (100.0 %), 125 requests/s, done in 4s");
    }

    @Test
    void clockReadsLikeAWatch() {
        assertThat(Progress.clock(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Progress.clock(Duration.ofSeconds(3723))).isEqualTo("1h 02m 03s");
    }
}
