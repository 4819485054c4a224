package com.mallservicedesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

class InMemoryOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    private record Row(String id, Instant at, String text) {
    }

    private static final Map<String, Comparator<Row>> FIELDS = Map.of(
            "at", InMemoryOrder.byTime(Row::at),
            "text", InMemoryOrder.byText(Row::text),
            "_id", Comparator.comparing(Row::id));

    private static List<String> sorted(Sort sort, Row... rows) {
        Comparator<Row> order = InMemoryOrder.of(sort, FIELDS).orElseThrow();
        return Stream.of(rows).sorted(order).map(Row::id).toList();
    }

    @Test
    void ordersAsMongoDbSortsAMissingValueFirstAscendingLastDescendingTiesById() {
        Row none = new Row("n", null, null);
        Row early = new Row("e", T0, "ASSIGNED");
        Row lateB = new Row("b", T0.plusSeconds(1), "DELAYED");
        Row lateA = new Row("a", T0.plusSeconds(1), "ACCEPTED");

        assertThat(sorted(Sort.by("at").and(Sort.by("_id")), lateB, none, lateA, early)).containsExactly("n", "e", "a", "b");
        assertThat(sorted(Sort.by(Sort.Direction.DESC, "at").and(Sort.by("_id")), lateB, none, lateA, early))
                .containsExactly("a", "b", "e", "n");
        assertThat(sorted(Sort.by("text").and(Sort.by("_id")), lateB, none, lateA, early)).containsExactly("n", "a", "e", "b");
        assertThat(sorted(Sort.by(Sort.Direction.DESC, "text").and(Sort.by("_id")), lateB, none, lateA, early))
                .containsExactly("b", "e", "a", "n");
    }

    @Test
    void textIsComparedByItsCodePointsAsMongoDbComparesItsBytes() {
        // U+FF21 (fullwidth A) sorts before U+1F600 in UTF-8 and code points, after it in UTF-16 units.
        String fullwidth = "\uFF21";
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(fullwidth.compareTo(emoji)).isPositive();
        assertThat(InMemoryOrder.compareAsStored(fullwidth, emoji)).isNegative();
        assertThat(InMemoryOrder.compareAsStored("AB", "ABC")).isNegative();
        assertThat(InMemoryOrder.compareAsStored("ABC", "AB")).isPositive();
        assertThat(InMemoryOrder.compareAsStored("CLEANING", "CLEANING")).isZero();
    }

    @Test
    void anOrderThatCannotBeGivenInMemoryIsLeftToTheStore() {
        assertThat(InMemoryOrder.of(Sort.unsorted(), FIELDS)).isEmpty();
        assertThat(InMemoryOrder.of(Sort.by("phone"), FIELDS)).isEmpty();
        assertThat(InMemoryOrder.of(Sort.by(Sort.Order.asc("at").ignoreCase()), FIELDS)).isEmpty();
    }
}
