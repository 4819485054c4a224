package com.mallservicedesk.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A table of gauges refreshed from stored figures: values change in place, rows come and go. */
class GaugeTableTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Meter.Id> added = new ArrayList<>();
    private final List<Meter.Id> removed = new ArrayList<>();
    private final GaugeTable table;

    GaugeTableTest() {
        registry.config().onMeterAdded(meter -> added.add(meter.getId()));
        registry.config().onMeterRemoved(meter -> removed.add(meter.getId()));
        table = GaugeTable.builder("msd.test.orders").description("Orders").baseUnit("orders").register(registry);
    }

    @Test
    @DisplayName("a refresh changes the values of known rows without removing or registering their meters")
    void knownRowsKeepTheirMeters() {
        table.set(List.of(row("M001", "OPEN", 3), row("M002", "OPEN", 1)));
        table.set(List.of(row("M001", "OPEN", 5), row("M002", "OPEN", 0)));

        assertThat(value("M001", "OPEN")).isEqualTo(5);
        assertThat(value("M002", "OPEN")).isEqualTo(0);
        assertThat(added).hasSize(2);
        assertThat(removed).isEmpty();
        assertThat(registry.get("msd.test.orders").tags("mall", "M001").gauge().getId().getDescription())
                .isEqualTo("Orders");
    }

    @Test
    @DisplayName("a row a refresh no longer brings is removed, a new one registered")
    void rowsComeAndGo() {
        table.set(List.of(row("M001", "OPEN", 3), row("M001", "DONE", 2)));
        table.set(List.of(row("M001", "OPEN", 4), row("M003", "OPEN", 7)));

        assertThat(registry.find("msd.test.orders").tags("mall", "M001", "status", "DONE").gauge()).isNull();
        assertThat(value("M001", "OPEN")).isEqualTo(4);
        assertThat(value("M003", "OPEN")).isEqualTo(7);
        assertThat(removed).extracting(id -> id.getTag("status")).containsExactly("DONE");
        assertThat(registry.find("msd.test.orders").gauges()).hasSize(2);
    }

    private double value(String mall, String status) {
        return registry.get("msd.test.orders").tags("mall", mall, "status", status).gauge().value();
    }

    private static GaugeTable.Row row(String mall, String status, long n) {
        return GaugeTable.Row.of(Tags.of("mall", mall, "status", status), n);
    }
}
