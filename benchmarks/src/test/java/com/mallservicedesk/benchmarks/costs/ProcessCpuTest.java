package com.mallservicedesk.benchmarks.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.mallservicedesk.benchmarks.process.PlatformProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void userAndSystemTimeAreReadInMilliseconds() {
        String stat = "4242 (java) S 4200 4200 4100 0 -1 4194560 90210 0 12 0 1234 566 0 0 20 0 57 0 3094376 "
                + "4000000000 100000 18446744073709551615 1 1 0 0 0 0 0 2 16384 0 0 0 17 1 0 0 0 0 0\n";

        assertThat(ProcessCpu.millis(stat)).isEqualTo((1234 + 566) * 10L);
    }

    @Test
    void theNameMayHoldSpacesAndParentheses() {
        String stat = "77 (Kafka (broker) 1 S) R 1 77 77 0 -1 0 5 0 0 0 300 200 7 7 20 0 9 0 100 1 1 1";

        assertThat(ProcessCpu.millis(stat)).isEqualTo(5000);
    }

    @Test
    void aLineWithoutTheTimesIsRefused() {
        assertThatThrownBy(() -> ProcessCpu.millis("77 (java) R 1 77")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.millis("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usedTimeAddsUpInstancesAndLeavesOutProcessesNotInBothReadings() {
        var intake = new PlatformProcess(10, "intake");
        var dispatch1 = new PlatformProcess(20, "dispatch");
        var dispatch2 = new PlatformProcess(21, "dispatch");
        var store = new PlatformProcess(30, PlatformProcess.STORE);
        var restartedKafka = new PlatformProcess(41, PlatformProcess.KAFKA);

        var used = ProcessCpu.usedBetween(
                Map.of(intake, 1_000L, dispatch1, 500L, dispatch2, 700L, store, 90L,
                        new PlatformProcess(40, PlatformProcess.KAFKA), 5_000L),
                Map.of(intake, 1_600L, dispatch1, 800L, dispatch2, 900L, store, 190L, restartedKafka, 20L));

        assertThat(used).containsOnly(entry("intake", 600L), entry("dispatch", 500L), entry("store", 100L));
    }
}
