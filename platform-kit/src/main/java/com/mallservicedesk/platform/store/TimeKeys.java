package com.mallservicedesk.platform.store;

import java.time.Instant;

/**
 * Keys that sort as the times they start with: the milliseconds since 1970 in thirteen digits, so the text sorts like
 * the number from 1970 until the year 2286. A key of such a time followed by an id lets a range of the key's index
 * (the embedded store walks unique indexes in order, MongoDB any index) read what is due, and nothing later.
 */
public final class TimeKeys {

    private TimeKeys() {
    }

    public static String of(Instant time) {
        return String.format("%013d", Math.max(0, time.toEpochMilli()));
    }

    /** The time, then the id: unique by the id, ordered by the time. */
    public static String of(Instant time, Object id) {
        return of(time) + "#" + id;
    }
}
