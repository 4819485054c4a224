package com.mallservicedesk.claims.claim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The keys of the place log's entries: {@code <mall>|<FLOOR>|<ZONE>|<time, UTC to the millisecond>|<id>}. The time is
 * written at a fixed width ({@code 2026-11-20T00:05:00.000Z}), so a place's entries sort together and in time order,
 * and the entries of a stretch of time are one range of keys.
 */
final class PlaceKeys {

    /** Fixed width, unlike {@link DateTimeFormatter#ISO_INSTANT}, which leaves out zero milliseconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private PlaceKeys() {
    }

    /** Floor and zone, normalised; no floor means no place to compare. */
    static String place(String mallId, Location location) {
        if (location == null || location.floor() == null || location.floor().isBlank()) {
            return null;
        }
        String zone = location.zone() == null ? "" : location.zone().strip().toUpperCase(Locale.ROOT);
        return mallId + "|" + location.floor().strip().toUpperCase(Locale.ROOT) + "|" + zone;
    }

    /** The key of an entry at the place: its time is stored to the millisecond, and so is its key's. */
    static String entry(String place, Instant at, String id) {
        return from(place, at) + "|" + id;
    }

    /** The least key of the place's entries at or after {@code at} (within its millisecond). */
    static String from(String place, Instant at) {
        return place + "|" + TIME.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The least key after every entry of the place up to {@code at} (its millisecond included). */
    static String after(String place, Instant at) {
        return from(place, at.truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
    }
}
