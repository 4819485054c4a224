package com.mallservicedesk.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlaceTest {

    private static final List<String> MALLS = IntStream.rangeClosed(1, 50).mapToObj(i -> "M" + i).toList();

    @Test
    void consecutiveRequestsGoToConsecutiveMallsThenFloorsThenZones() {
        assertThat(Place.of(0, MALLS)).isEqualTo(new Place("M1", "1F", "A"));
        assertThat(Place.of(1, MALLS)).isEqualTo(new Place("M2", "1F", "A"));
        assertThat(Place.of(50, MALLS)).isEqualTo(new Place("M1", "2F", "A"));
        assertThat(Place.of(400, MALLS)).isEqualTo(new Place("M1", "1F", "B"));
        assertThat(Place.of(2400, MALLS)).isEqualTo(new Place("M1", "1F", "A"));
    }

    @Test
    void everyMallFloorAndZoneIsUsed() {
        var used = new HashSet<Place>();
        for (long i = 0; i < 50 * 8 * 6; i++) {
            used.add(Place.of(i, MALLS));
        }

        assertThat(used).hasSize(2400);
    }

    @Test
    void theBodyCarriesThePlace() {
        assertThat(PlatformClient.body(new Place("M1", "3F", "B"), 7))
                .contains("\"floor\":\"3F\"", "\"zone\":\"B\"", "\"kind\":\"REPAIR\"").doesNotContain("\n");
    }
}
