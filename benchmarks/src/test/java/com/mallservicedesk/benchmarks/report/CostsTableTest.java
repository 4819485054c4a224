package com.mallservicedesk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.benchmarks.costs.RegistrationCosts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostsTableTest {

    /** A stage of 2,000 registrations at 50,000 stored, as two scrapes and two /proc readings would give it. */
    static RegistrationCosts fixture() {
        Map<String, Map<String, Double>> commands = new LinkedHashMap<>();
        commands.put("intake", Map.of("requests.insert", 2000.0, "outbox_pending.findAndModify", 2000.0,
                "outbox_pending.delete", 2000.0, "sequences.findAndModify", 2000.0, "request_text.update", 1000.0,
                "work_orders_seen.update", 2000.0, "timer_wheel.find", 6.0));
        commands.put("dispatch", Map.of("processed_events.insert", 2000.0, "work_orders.insert", 2000.0,
                "outbox_pending.findAndModify", 2000.0, "outbox_pending.delete", 2000.0, "work_orders.find", 230.0));
        commands.put("callback", Map.of("processed_events.insert", 2000.0, "callbacks.insert", 2000.0));
        commands.put("claims", Map.of("outbox_pending.find", 12.0));
        commands.put("survey", Map.of("outbox_pending.find", 6.0));
        Map<String, Long> cpu = Map.of("intake", 6_200L, "dispatch", 7_400L, "callback", 3_100L, "claims", 40L,
                "survey", 30L, "store", 9_800L, "Kafka", 2_600L);
        return RegistrationCosts.of(50_000, 2000, commands, cpu, List.of());
    }

    @Test
    void everyProcessHasARowWithItsCommandsCpuAndTopCommands() {
        String table = CostsTable.markdown(fixture());

        assertThat(table).isEqualTo("""
                What one registration costs, 50,000 stored: 2,000 registrations; store commands as each service's \
                MongoDB driver counted them, CPU as user + system time in /proc, from just before the first \
                registration until dispatch had caught up and the services were quiet (dispatch's figures include \
                the benchmark's look-ups while it waited).

                | process | store commands / registration | CPU ms / registration | top commands / registration |
                |---|---|---|---|
                | intake | 5.50 | 3.10 | outbox_pending.delete 1.00, outbox_pending.findAndModify 1.00, requests.insert 1.00, sequences.findAndModify 1.00, work_orders_seen.update 1.00, … |
                | dispatch | 4.12 | 3.70 | outbox_pending.delete 1.00, outbox_pending.findAndModify 1.00, processed_events.insert 1.00, work_orders.insert 1.00, work_orders.find 0.12 |
                | callback | 2.00 | 1.55 | callbacks.insert 1.00, processed_events.insert 1.00 |
                | claims | 0.01 | 0.02 | outbox_pending.find 0.01 |
                | survey | 0.00 | 0.02 |  |
                | store | 11.63 (all services') | 4.90 | callback/callbacks.insert 1.00, callback/processed_events.insert 1.00, dispatch/outbox_pending.delete 1.00, dispatch/outbox_pending.findAndModify 1.00, dispatch/processed_events.insert 1.00, … |
                | Kafka | — | 1.30 |  |

                All processes measured together: 14.59 ms CPU per registration.
                """);
    }

    @Test
    void withoutProcessesTheCpuColumnIsLeftOutAndSaysSo() {
        var costs = RegistrationCosts.of(0, 100, Map.of("intake", Map.of("requests.insert", 100.0)), Map.of(),
                List.of("The services were still busy 30 s after dispatch had caught up: what they did later is not "
                        + "counted"));

        String table = CostsTable.markdown(costs);

        assertThat(table).contains("| process | store commands / registration | top commands / registration |\n"
                        + "|---|---|---|\n| intake | 1.00 | requests.insert 1.00 |\n| dispatch | not read |  |\n",
                "| store | 1.00 (all services') | intake/requests.insert 1.00 |\n| Kafka | — |  |\n",
                "\nThe services were still busy 30 s after dispatch had caught up: what they did later is not counted.\n",
                "\nStore commands not read from dispatch, callback, claims, survey",
                "\nCPU not measured: no platform processes found on this machine (a remote platform?).\n");
        assertThat(table).doesNotContain("CPU ms", "All processes", "CPU as user");
    }
}
