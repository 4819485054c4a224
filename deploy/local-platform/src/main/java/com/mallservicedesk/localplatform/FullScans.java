package com.mallservicedesk.localplatform;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.h2.mvstore.MVStore;

/**
 * The queries that read a whole collection, per collection and query shape: the store answers from an index only a
 * query by {@code _id} or a unique key, and reads every document for any other, which grows with the data. The store's
 * log names them every minute ({@link #report}), so a scan that a hot path or a poller should not make shows up
 * with its shape (the query's fields and operators, values left out) and how much it read.
 */
final class FullScans {

    private record Scanned(LongAdder scans, LongAdder documents) {
    }

    private static final Map<MVStore, FullScans> BY_STORE = new WeakHashMap<>();

    private final ConcurrentHashMap<String, Scanned> byShape = new ConcurrentHashMap<>();

    /** The set of a store (looked up by store, as {@link CommitWrites} is, for the same reason). */
    static synchronized FullScans of(MVStore store) {
        return BY_STORE.computeIfAbsent(store, s -> new FullScans());
    }

    void scanned(String collection, Map<String, ?> query, long documents) {
        Scanned scanned = byShape.computeIfAbsent(collection + " " + shapeOf(query),
                shape -> new Scanned(new LongAdder(), new LongAdder()));
        scanned.scans().increment();
        scanned.documents().add(documents);
    }

    /**
     * One log line of the scans since the last call that read the most documents, or null if there were none:
     * {@code Full scans in 60 s: survey.processed_events {processedAt: {$lt: ?}} 1 scans, 141,374 documents read, …}.
     */
    String report(int seconds, int shown) {
        record Line(String shape, long scans, long documents) {
        }
        var lines = byShape.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue().scans().sumThenReset(), e.getValue().documents().sumThenReset()))
                .filter(line -> line.scans() > 0)
                .sorted(Comparator.comparingLong(Line::documents).reversed())
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        String listed = lines.stream().limit(shown)
                .map(line -> "%s %,d scans, %,d documents read".formatted(line.shape(), line.scans(), line.documents()))
                .collect(Collectors.joining(", "));
        return "Full scans in %d s: %s%s".formatted(seconds, listed,
                lines.size() > shown ? ", and %d more shapes".formatted(lines.size() - shown) : "");
    }

    /** A query's fields and operators, with every value replaced by {@code ?}. */
    static String shapeOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + shapeOf(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? "[]" : "[" + shapeOf(values.iterator().next()) + ", …]";
        }
        return "?";
    }
}
