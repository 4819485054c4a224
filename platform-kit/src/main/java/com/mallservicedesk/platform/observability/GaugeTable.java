package com.mallservicedesk.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges of one name whose rows (tag sets) and values come from a periodic read of stored figures, such as work
 * orders per mall and status. A row's gauge is registered the first time the row is set and keeps its meter after
 * that: a refresh only changes values. A row a refresh no longer brings is removed.
 *
 * <p>Why not Micrometer's {@code MultiGauge} with overwrite: it removes and registers every row at every refresh,
 * thousands of meters every 15 seconds for 500 malls, which cost a few per cent of a service's CPU, and a scrape in
 * the middle of it could see a row removed or twice.
 */
public final class GaugeTable {

    /** One row: its tags and its value. */
    public record Row(Tags tags, double value) {

        public static Row of(Tags tags, Number value) {
            return new Row(tags, value.doubleValue());
        }
    }

    /** A row's value, read by its gauge at each scrape. */
    private static final class Value {
        private volatile double current;
    }

    private record Registered(Gauge gauge, Value value) {
    }

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String baseUnit;
    private final Map<Tags, Registered> rows = new ConcurrentHashMap<>();

    private GaugeTable(MeterRegistry registry, String name, String description, String baseUnit) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.baseUnit = baseUnit;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Sets the table to these rows: new rows are registered, known rows take their value, the others are removed. */
    public synchronized void set(List<Row> current) {
        Set<Tags> seen = new HashSet<>();
        for (Row row : current) {
            seen.add(row.tags());
            rows.computeIfAbsent(row.tags(), this::register).value().current = row.value();
        }
        rows.entrySet().removeIf(row -> {
            if (seen.contains(row.getKey())) {
                return false;
            }
            registry.remove(row.getValue().gauge());
            return true;
        });
    }

    private Registered register(Tags tags) {
        Value value = new Value();
        Gauge gauge = Gauge.builder(name, value, v -> v.current).tags(tags).description(description)
                .baseUnit(baseUnit).strongReference(true).register(registry);
        return new Registered(gauge, value);
    }

    /** Names the table's gauges as Micrometer's builders do. */
    public static final class Builder {

        private final String name;
        private String description;
        private String baseUnit;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder baseUnit(String baseUnit) {
            this.baseUnit = baseUnit;
            return this;
        }

        public GaugeTable register(MeterRegistry registry) {
            return new GaugeTable(registry, name, description, baseUnit);
        }
    }
}
