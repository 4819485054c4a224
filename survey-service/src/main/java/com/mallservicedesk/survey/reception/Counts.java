package com.mallservicedesk.survey.reception;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Stored figures of one period, flattened to paths ({@code requests.byKind.REPAIR → 3}), so a report reads a few
 * documents by key and weeks add days up without knowing their shape.
 */
public final class Counts {

    private static final Counts EMPTY = new Counts(Map.of());

    private final Map<String, Long> values;

    private Counts(Map<String, Long> values) {
        this.values = values;
    }

    public static Counts empty() {
        return EMPTY;
    }

    static Counts of(Document document) {
        if (document == null) {
            return EMPTY;
        }
        var flat = new TreeMap<String, Long>();
        flatten("", document, flat);
        return new Counts(Collections.unmodifiableMap(flat));
    }

    private static void flatten(String prefix, Document document, Map<String, Long> into) {
        document.forEach((key, value) -> {
            if (key.startsWith("_")) {
                return;
            }
            if (value instanceof Document nested) {
                flatten(prefix + key + ".", nested, into);
            } else if (value instanceof Number n) {
                into.put(prefix + key, n.longValue());
            }
        });
    }

    public long get(String path) {
        return values.getOrDefault(path, 0L);
    }

    /** The numbers directly under a path: {@code children("requests.byKind")} → {REPAIR: 3, COMPLAINT: 1}. */
    public Map<String, Long> children(String path) {
        String prefix = path + ".";
        var result = new TreeMap<String, Long>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Two levels under a path: {@code grid("breaches.byRuleDepartment")} → {CONTACT: {ENGINEERING: 2}}. */
    public Map<String, Map<String, Long>> grid(String path) {
        String prefix = path + ".";
        var result = new TreeMap<String, Map<String, Long>>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                String[] parts = key.substring(prefix.length()).split("\\.");
                if (parts.length == 2) {
                    result.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], value);
                }
            }
        });
        return result;
    }

    public Counts plus(Counts other) {
        var sum = new TreeMap<>(values);
        other.values.forEach((key, value) -> sum.merge(key, value, Long::sum));
        return new Counts(Collections.unmodifiableMap(sum));
    }

    public Map<String, Long> asMap() {
        return new LinkedHashMap<>(values);
    }
}
