package com.mallservicedesk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class WorkingSetKeyTest {

    @Test
    void aMallsKeysSortByTimeAndNoOtherMallsKeyFallsInItsRange() {
        Instant t = Instant.parse("2026-11-28T08:00:00Z");
        String later = WorkingSetKey.of("M1", t.plusSeconds(60), "a");
        String earlier = WorkingSetKey.of("M1", t, "z");
        List<String> others = List.of(WorkingSetKey.of("M10", t, "x"), WorkingSetKey.of("M1-b", t, "y"),
                WorkingSetKey.of("M", t, "w"), WorkingSetKey.of("M2", t, "v"));

        assertThat(Stream.of(later, earlier).sorted()).containsExactly(earlier, later);
        Document bounds = (Document) WorkingSetKey.ofMall("queueKey", "M1").getQueryObject().get("queueKey");
        String from = (String) bounds.get("$gte");
        String to = (String) bounds.get("$lt");
        assertThat(List.of(earlier, later)).allSatisfy(key -> assertThat(key).isGreaterThanOrEqualTo(from).isLessThan(to));
        assertThat(others).allSatisfy(key -> assertThat(key.compareTo(from) < 0 || key.compareTo(to) >= 0).isTrue());
    }

    @Test
    void aMissingTimeSortsFirst() {
        assertThat(WorkingSetKey.of("M1", null, "a")).isLessThan(WorkingSetKey.of("M1", Instant.EPOCH.plusMillis(1), "a"));
    }
}
