package com.mallservicedesk.callback.stats;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts by {@link Count}: what one callback contributes, the change one of its steps makes, or a month's totals. */
public final class Tally {

    public static final Tally ZERO = new Tally(new EnumMap<>(Count.class));

    private final EnumMap<Count, Long> counts;

    private Tally(EnumMap<Count, Long> counts) {
        this.counts = counts;
    }

    public static Tally of(Map<String, Long> stored) {
        EnumMap<Count, Long> counts = new EnumMap<>(Count.class);
        if (stored != null) {
            stored.forEach((name, value) -> {
                try {
                    counts.put(Count.valueOf(name), value);
                } catch (IllegalArgumentException unknown) {
                    // A count a newer version wrote; this one does not know it.
                }
            });
        }
        return new Tally(counts);
    }

    /** A tally with one of each given count. */
    public static Tally ofOne(Count... present) {
        EnumMap<Count, Long> counts = new EnumMap<>(Count.class);
        for (Count c : present) {
            counts.merge(c, 1L, Long::sum);
        }
        return new Tally(counts);
    }

    public long get(Count count) {
        return counts.getOrDefault(count, 0L);
    }

    public Tally plus(Tally other) {
        EnumMap<Count, Long> sum = new EnumMap<>(counts);
        other.counts.forEach((c, v) -> sum.merge(c, v, Long::sum));
        return new Tally(sum);
    }

    public Tally minus(Tally other) {
        EnumMap<Count, Long> difference = new EnumMap<>(counts);
        other.counts.forEach((c, v) -> difference.merge(c, -v, Long::sum));
        return new Tally(difference);
    }

    public boolean isZero() {
        return counts.values().stream().allMatch(v -> v == 0);
    }

    /** For storage: every count by name, zeros left out. */
    public Map<String, Long> toMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach((c, v) -> {
            if (v != 0) {
                map.put(c.name(), v);
            }
        });
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
