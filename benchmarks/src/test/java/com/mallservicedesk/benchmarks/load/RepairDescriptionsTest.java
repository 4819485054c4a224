package com.mallservicedesk.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The texts of the benchmark's requests: every fault in use, evenly, and a place hearing of different ones. */
class RepairDescriptionsTest {

    @Test
    void everyDescriptionIsUsedAboutEquallyOften() {
        Map<String, Integer> uses = new HashMap<>();
        for (long sequence = 0; sequence < 24_000; sequence++) {
            uses.merge(RepairDescriptions.of(sequence), 1, Integer::sum);
        }

        assertThat(uses).hasSize(RepairDescriptions.ALL.size());
        int even = 24_000 / RepairDescriptions.ALL.size();
        assertThat(uses.values()).allSatisfy(count -> assertThat(count).isBetween(even * 9 / 10, even * 11 / 10));
    }

    @Test
    void onePlaceHearsOfDifferentFaultsOverTheDay() {
        List<String> malls = IntStream.rangeClosed(1, 500).mapToObj("M%03d"::formatted).toList();
        int placesRound = malls.size() * Place.FLOORS * Place.ZONES;
        Set<String> heardAtOnePlace = new HashSet<>();
        for (long sequence = 17; sequence < 20L * placesRound; sequence += placesRound) {
            assertThat(Place.of(sequence, malls)).isEqualTo(Place.of(17, malls));
            heardAtOnePlace.add(RepairDescriptions.of(sequence));
        }

        assertThat(heardAtOnePlace).hasSizeGreaterThan(10);
    }

    @Test
    void theBodyCarriesTheDescriptionAndThePlaceAsJson() {
        var body = JsonMapper.builder().build().readTree(PlatformClient.body(new Place("BM01-007", "3F", "B"), 5));

        assertThat(body.path("description").asString()).isEqualTo(RepairDescriptions.of(5));
        assertThat(body.path("location").path("floor").asString()).isEqualTo("3F");
        assertThat(body.path("location").path("zone").asString()).isEqualTo("B");
        assertThat(body.path("kind").asString()).isEqualTo("REPAIR");
    }
}
