package com.mallservicedesk.platform.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;

/**
 * A list's order given in the service, as MongoDB would give it, for lists read as a working set and ordered after
 * reading: ascending puts a missing value first, {@code desc} reverses each field (so a missing value comes last),
 * and text compares as its UTF-8 bytes do (by code point).
 */
public final class InMemoryOrder {

    private InMemoryOrder() {
    }

    /**
     * The sort's order over the fields' comparators (each ascending); empty if it cannot be given here: unsorted, a
     * field not listed, or a case-insensitive or explicit null handling.
     */
    public static <T> Optional<Comparator<T>> of(Sort sort, Map<String, Comparator<T>> fields) {
        Comparator<T> order = null;
        for (Sort.Order field : sort) {
            Comparator<T> ascending = fields.get(field.getProperty());
            if (ascending == null || field.isIgnoreCase() || field.getNullHandling() != Sort.NullHandling.NATIVE) {
                return Optional.empty();
            }
            Comparator<T> one = field.isAscending() ? ascending : ascending.reversed();
            order = order == null ? one : order.thenComparing(one);
        }
        return Optional.ofNullable(order);
    }

    /** A time field, a missing one first. */
    public static <T> Comparator<T> byTime(Function<T, Instant> field) {
        return Comparator.comparing(field, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** A text field as MongoDB compares it, a missing one first. */
    public static <T> Comparator<T> byText(Function<T, String> field) {
        return Comparator.comparing(field, Comparator.nullsFirst(InMemoryOrder::compareAsStored));
    }

    /** By code point, as MongoDB compares UTF-8 bytes (Java's {@code compareTo} differs beyond the basic plane). */
    public static int compareAsStored(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
