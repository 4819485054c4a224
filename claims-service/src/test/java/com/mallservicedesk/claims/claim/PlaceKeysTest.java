package com.mallservicedesk.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The place log's keys: a place's entries sort together and in time order, so a stretch of time is a range of keys. */
class PlaceKeysTest {

    private static final String PLACE = "M1|B1|FOOD COURT";

    @Test
    void aPlaceIsTheMallAndTheNormalisedFloorAndZone() {
        assertThat(PlaceKeys.place("M1", new Location(" b1 ", " food court ", "U7"))).isEqualTo(PLACE);
        assertThat(PlaceKeys.place("M1", new Location("B1", null, null))).isEqualTo("M1|B1|");
        assertThat(PlaceKeys.place("M1", new Location(" ", "Food Court", null))).isNull();
        assertThat(PlaceKeys.place("M1", null)).isNull();
    }

    @Test
    void anEntrysKeyIsItsPlaceItsTimeToTheMillisecondAtAFixedWidthAndItsId() {
        assertThat(PlaceKeys.entry(PLACE, Instant.parse("2026-11-20T00:05:00Z"), "r-1"))
                .isEqualTo("M1|B1|FOOD COURT|2026-11-20T00:05:00.000Z|r-1");
        // Stored times have milliseconds, and so do keys.
        assertThat(PlaceKeys.entry(PLACE, Instant.parse("2026-11-20T00:05:00.123999Z"), "r-1"))
                .isEqualTo("M1|B1|FOOD COURT|2026-11-20T00:05:00.123Z|r-1");
    }

    @Test
    void keysSortAsTheirTimes() {
        List<Instant> times = List.of(Instant.parse("2026-11-19T23:59:59.999Z"), Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00.5Z"), Instant.parse("2026-11-20T00:00:01Z"),
                Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T10:00:00.010Z"),
                Instant.parse("2026-12-01T00:00:00Z"));
        List<String> keys = times.stream().map(t -> PlaceKeys.entry(PLACE, t, "r-1")).toList();

        List<String> sorted = new ArrayList<>(keys);
        Collections.reverse(sorted);
        Collections.sort(sorted);
        assertThat(sorted).isEqualTo(keys);
    }

    @Test
    void aRangeFromOneTimeToAnotherHoldsTheEntriesOfBothMillisecondsAndNothingOutside() {
        Instant from = Instant.parse("2026-11-19T00:10:00Z");
        Instant to = Instant.parse("2026-11-20T00:10:00.000400Z");
        String lower = PlaceKeys.from(PLACE, from);
        String upper = PlaceKeys.after(PLACE, to);

        for (String inside : List.of(PlaceKeys.entry(PLACE, from, "r-1"), PlaceKeys.entry(PLACE, from, ""),
                PlaceKeys.entry(PLACE, Instant.parse("2026-11-19T23:59:59Z"), "r-2"),
                PlaceKeys.entry(PLACE, Instant.parse("2026-11-20T00:10:00Z"), "r-3~~~"))) {
            assertThat(inside).isGreaterThanOrEqualTo(lower).isLessThan(upper);
        }
        for (String outside : List.of(PlaceKeys.entry(PLACE, from.minusMillis(1), "r-4"),
                PlaceKeys.entry(PLACE, Instant.parse("2026-11-20T00:10:00.001Z"), "r-5"),
                PlaceKeys.entry("M1|B1|FOOD COURS", from.plusSeconds(60), "r-6"),
                PlaceKeys.entry("M1|B1|FOOD COURT2", from.plusSeconds(60), "r-7"),
                PlaceKeys.entry("M1|B1|FOOD", from.plusSeconds(60), "r-8"))) {
            assertThat(outside.compareTo(lower) < 0 || outside.compareTo(upper) >= 0).as(outside).isTrue();
        }
    }
}
