package com.mallservicedesk.survey.reception;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Update;

/** The increments one event causes in one period's figures, written with a single {@code $inc} by key. */
final class Tally {

    private final Map<String, Long> increments = new LinkedHashMap<>();

    Tally add(String path, long by) {
        if (by != 0) {
            increments.merge(path, by, Long::sum);
        }
        return this;
    }

    Tally addAll(Tally other) {
        other.increments.forEach(this::add);
        return this;
    }

    boolean isEmpty() {
        return increments.values().stream().allMatch(v -> v == 0);
    }

    Update into(Update update) {
        increments.forEach(update::inc);
        return update;
    }

    /** A code as one path segment: never empty, never a dot or a dollar (field names of the stored figures). */
    static String segment(String value) {
        return value == null || value.isBlank() ? "NONE" : value.replace('.', '_').replace('$', '_');
    }
}
