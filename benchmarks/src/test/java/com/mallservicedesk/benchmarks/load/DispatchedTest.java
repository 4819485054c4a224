package com.mallservicedesk.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchedTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theDrainRunsFromTheLastAnswerToTheLastWorkOrder() {
        var dispatched = new Dispatched(List.of(registration(0, "a", 0), registration(1, "b", 100),
                registration(2, "c", 200)),
                Map.of("a", T0.plusMillis(50), "b", T0.plusMillis(700), "c", T0.plusMillis(1200)));

        assertThat(dispatched.lastAnswer()).isEqualTo(T0.plusMillis(200));
        assertThat(dispatched.drain()).isEqualTo(Duration.ofMillis(1000));
        assertThat(dispatched.backlogAtLastAnswer()).isEqualTo(2);
        assertThat(dispatched.missing()).isZero();
        assertThat(dispatched.toWorkOrder().summary().p50()).isEqualTo(600.0);
        assertThat(dispatched.workOrdersPerSecond(T0, T0.plusSeconds(1))).isEqualTo(2.0);
    }

    @Test
    void aDispatchThatWasAheadHasNoDrainAndMissingOnesAreCounted() {
        var dispatched = new Dispatched(List.of(registration(0, "a", 0), registration(1, "b", 100)),
                Map.of("a", T0.plusMillis(30)));

        assertThat(dispatched.drain()).isZero();
        assertThat(dispatched.missing()).isEqualTo(1);
        assertThat(dispatched.toWorkOrder().count()).isEqualTo(1);
    }

    private static Registration registration(long sequence, String id, long answeredAtMillis) {
        return new Registration(sequence, "M1", id, 1_000_000, T0.plusMillis(answeredAtMillis));
    }
}
