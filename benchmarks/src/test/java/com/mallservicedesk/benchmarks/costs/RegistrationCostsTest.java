package com.mallservicedesk.benchmarks.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.benchmarks.costs.RegistrationCosts.Command;
import com.mallservicedesk.benchmarks.costs.RegistrationCosts.ProcessCost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationCostsTest {

    @Test
    void countsAndCpuAreDividedByTheRegistrations() {
        var costs = RegistrationCosts.of(50_000, 400,
                Map.of("intake", Map.of("requests.insert", 400.0, "outbox_pending.findAndModify", 800.0),
                        "dispatch", Map.of("work_orders.insert", 400.0)),
                Map.of("intake", 1_000L, "dispatch", 600L, "store", 300L, "Kafka", 100L), List.of());

        assertThat(costs.processes()).extracting(ProcessCost::process)
                .containsExactly("intake", "dispatch", "callback", "claims", "survey", "store", "Kafka");
        ProcessCost intake = costs.processes().get(0);
        assertThat(intake.commands()).isEqualTo(3.0);
        assertThat(intake.cpuMillis()).isEqualTo(2.5);
        assertThat(intake.topCommands()).containsExactly(new Command("outbox_pending.findAndModify", 2.0),
                new Command("requests.insert", 1.0));
        assertThat(costs.processes().get(1).cpuMillis()).isEqualTo(1.5);
        assertThat(costs.cpuMillisTotal()).isEqualTo(5.0);
        assertThat(costs.line()).isEqualTo(
                "4.00 store commands and 5.00 ms CPU per registration (400 registrations at 50,000 stored)");
    }

    @Test
    void theStoreServesEveryServicesCommandsAndKafkaNone() {
        var costs = RegistrationCosts.of(0, 100,
                Map.of("intake", Map.of("requests.insert", 100.0, "outbox_pending.delete", 100.0),
                        "dispatch", Map.of("outbox_pending.delete", 100.0, "work_orders.insert", 100.0),
                        "survey", Map.of()),
                Map.of(), List.of());

        ProcessCost store = row(costs, "store");
        assertThat(store.commands()).isEqualTo(4.0);
        assertThat(store.topCommands()).containsExactly(new Command("dispatch/outbox_pending.delete", 1.0),
                new Command("dispatch/work_orders.insert", 1.0), new Command("intake/outbox_pending.delete", 1.0),
                new Command("intake/requests.insert", 1.0));
        assertThat(row(costs, "survey").commands()).isZero();
        assertThat(row(costs, "Kafka").commands()).isNull();
    }

    @Test
    void atMostFiveCommandsAreNamedAndBackgroundCommandsNotAtAll() {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            counts.put("c" + i + ".insert", 1000.0 * i);
        }
        counts.put("timer_wheel.find", 4.0); // 0.004 per registration: the poller, not the registrations
        var costs = RegistrationCosts.of(0, 1000, Map.of("intake", counts), Map.of(), List.of());

        ProcessCost intake = row(costs, "intake");
        assertThat(intake.topCommands()).extracting(Command::name)
                .containsExactly("c6.insert", "c5.insert", "c4.insert", "c3.insert", "c2.insert");
        assertThat(intake.moreCommands()).isTrue();
        assertThat(intake.commands()).isEqualTo(21.004);

        var justFive = RegistrationCosts.of(0, 1000, Map.of("intake", Map.of("a.insert", 1000.0,
                "timer_wheel.find", 4.0)), Map.of(), List.of());
        assertThat(row(justFive, "intake").moreCommands()).isFalse();
    }

    @Test
    void whatWasNotReadIsNullAndNamedInTheNotes() {
        var costs = RegistrationCosts.of(0, 10, Map.of("intake", Map.of("requests.insert", 10.0)),
                Map.of("intake", 50L, "dispatch", 40L), List.of("The services were still busy"));

        assertThat(row(costs, "dispatch").commands()).isNull();
        assertThat(row(costs, "store").commands()).isEqualTo(1.0);
        assertThat(row(costs, "store").cpuMillis()).isNull();
        assertThat(costs.cpuMeasured()).isTrue();
        assertThat(costs.notes()).containsExactly("The services were still busy",
                "Store commands not read from dispatch, callback, claims, survey (management port not reachable, "
                        + "or no MongoDB driver timer)",
                "CPU not measured for callback, claims, survey, store, Kafka: no such process found on this machine");
    }

    @Test
    void withoutProcessesCpuIsNotMeasuredAtAll() {
        var costs = RegistrationCosts.of(0, 10, Map.of(), Map.of(), List.of());

        assertThat(costs.cpuMeasured()).isFalse();
        assertThat(costs.notes()).contains(
                "CPU not measured: no platform processes found on this machine (a remote platform?)");
        assertThat(row(costs, "store").commands()).isNull();
        assertThat(costs.line()).isEqualTo("nothing measured (10 registrations at 0 stored)");
    }

    @Test
    void withoutRegistrationsThereIsNothingToDivideBy() {
        assertThatThrownBy(() -> RegistrationCosts.of(0, 0, Map.of(), Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ProcessCost row(RegistrationCosts costs, String process) {
        return costs.processes().stream().filter(row -> row.process().equals(process)).findFirst().orElseThrow();
    }
}
