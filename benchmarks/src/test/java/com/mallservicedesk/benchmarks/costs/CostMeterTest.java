package com.mallservicedesk.benchmarks.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.benchmarks.costs.RegistrationCosts.Command;
import com.mallservicedesk.benchmarks.costs.RegistrationCosts.ProcessCost;
import com.mallservicedesk.benchmarks.process.PlatformProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostMeterTest {

    private static final String LABELS = "application=\"intake-service\",cluster_id=\"c1\",database=\"intake\","
            + "server_address=\"127.0.0.1:27017\"";

    @Test
    void twoScrapesBecomeCommandsPerRegistrationByCollectionAndCommand() {
        var before = reading(Map.of(
                        "intake", Optional.of(PrometheusCounters.parse("""
                                # TYPE mongodb_driver_commands_seconds summary
                                mongodb_driver_commands_seconds_count{%1$s,collection="requests",command="insert",status="SUCCESS"} 5250.0
                                mongodb_driver_commands_seconds_count{%1$s,collection="outbox_pending",command="findAndModify",status="SUCCESS"} 5250.0
                                """.formatted(LABELS))),
                        "dispatch", Optional.empty()),
                Map.of(new PlatformProcess(1, "intake"), 10_000L));
        var after = reading(Map.of(
                        "intake", Optional.of(PrometheusCounters.parse("""
                                mongodb_driver_commands_seconds_count{%1$s,collection="requests",command="insert",status="SUCCESS"} 7250.0
                                mongodb_driver_commands_seconds_count{%1$s,collection="requests",command="insert",status="FAILED"} 2.0
                                mongodb_driver_commands_seconds_count{%1$s,collection="outbox_pending",command="findAndModify",status="SUCCESS"} 7250.0
                                mongodb_driver_commands_seconds_count{%1$s,collection="unknown",command="ping",status="SUCCESS"} 1.0
                                """.formatted(LABELS))),
                        "dispatch", Optional.of(PrometheusCounters.parse("mongodb_driver_commands_seconds_count 9\n"))),
                Map.of(new PlatformProcess(1, "intake"), 16_000L));

        var costs = CostMeter.costs(before, after, 0, 2000, List.of());

        ProcessCost intake = costs.processes().get(0);
        assertThat(intake.commands()).isEqualTo(2.0015);
        assertThat(intake.topCommands()).as("failed commands count, the one ping is too rare to name")
                .containsExactly(new Command("requests.insert", 1.001),
                        new Command("outbox_pending.findAndModify", 1.0));
        assertThat(intake.cpuMillis()).isEqualTo(3.0);
        assertThat(costs.processes().get(1).commands()).as("dispatch was not read before").isNull();
    }

    @Test
    void aServiceWithoutTheDriverTimerIsNotRead() {
        var scrape = Optional.of(PrometheusCounters.parse("jvm_threads_live_threads 42\n"));

        var costs = CostMeter.costs(reading(Map.of("claims", scrape), Map.of()),
                reading(Map.of("claims", scrape), Map.of()), 0, 10, List.of());

        assertThat(costs.processes()).filteredOn(row -> row.process().equals("claims"))
                .extracting(ProcessCost::commands).containsOnlyNulls();
    }

    @Test
    void commandsAreNamedByCollectionAndCommand() {
        assertThat(CostMeter.collectionCommand(Map.of("collection", "requests", "command", "insert")))
                .isEqualTo("requests.insert");
        assertThat(CostMeter.collectionCommand(Map.of("collection", "unknown", "command", "ping"))).isEqualTo("ping");
        assertThat(CostMeter.collectionCommand(Map.of("command", "hello"))).isEqualTo("hello");
    }

    private static CostMeter.Reading reading(Map<String, Optional<PrometheusCounters>> metrics,
                                             Map<PlatformProcess, Long> cpu) {
        return new CostMeter.Reading(new LinkedHashMap<>(metrics), cpu);
    }
}
