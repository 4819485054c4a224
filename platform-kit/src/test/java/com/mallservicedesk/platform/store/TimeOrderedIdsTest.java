package com.mallservicedesk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    @DisplayName("an id is a UUID of version 7 whose first 48 bits are the milliseconds it was made at")
    void versionSevenWithItsTime() {
        UUID id = TimeOrderedIds.at(1_795_000_000_123L);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_795_000_000_123L);
        assertThat(UUID.fromString(TimeOrderedIds.next()).version()).isEqualTo(7);
    }

    @Test
    @DisplayName("ids of later milliseconds sort after earlier ones as text, as the store orders keys")
    void laterIdsSortAfterEarlierOnes() {
        List<String> ids = IntStream.range(0, 2000)
                .mapToObj(i -> TimeOrderedIds.at(1_795_000_000_000L + i * 997L).toString()).toList();
        assertThat(ids).isSorted();
        assertThat(TimeOrderedIds.at(0xFFFF_FFFF_FFFFL).toString()).startsWith("ffffffff-ffff-7");
    }

    @Test
    @DisplayName("the lowest id of a millisecond sorts before every id made then or later, after every id made before")
    void lowestIdOfAMillisecond() {
        long at = 1_795_000_000_123L;
        String lowest = TimeOrderedIds.lowestAt(at).toString();
        assertThat(lowest).isEqualTo(TimeOrderedIds.at(at).toString().substring(0, 15) + "000-8000-000000000000");
        IntStream.range(0, 10_000).forEach(i -> {
            assertThat(TimeOrderedIds.at(at + i % 3).toString()).isGreaterThanOrEqualTo(lowest);
            assertThat(TimeOrderedIds.at(at - 1 - i % 3).toString()).isLessThan(lowest);
        });
        assertThat(TimeOrderedIds.lowestMadeAt(Instant.ofEpochMilli(at))).isEqualTo(lowest);
        assertThat(TimeOrderedIds.next()).isGreaterThan(TimeOrderedIds.lowestMadeAt(Instant.now().minusSeconds(60)));
    }

    @Test
    @DisplayName("ids made in the same millisecond differ: 74 random bits")
    void idsOfOneMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> ids.add(TimeOrderedIds.at(1_795_000_000_000L)));
        assertThat(ids).hasSize(100_000);
    }
}
