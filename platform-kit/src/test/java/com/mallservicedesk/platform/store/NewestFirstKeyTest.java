package com.mallservicedesk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

class NewestFirstKeyTest {

    private static final Instant T = Instant.parse("2026-11-28T08:00:00Z");

    /** One record: its time, its id and its key. */
    record Logged(Instant at, String id, String key) {
        static Logged of(String mall, Instant at, String id) {
            return new Logged(at, id, NewestFirstKey.of(mall, at, id));
        }
    }

    @Test
    void theNewestSortsFirstThenTheId() {
        List<Logged> keys = List.of(Logged.of("M1", T, "b"), Logged.of("M1", T.plusMillis(1), "z"),
                Logged.of("M1", T, "a"), Logged.of("M1", T.minusSeconds(86_400 * 365), "c"));
        assertThat(keys.stream().map(Logged::key).sorted().map(key -> key.substring(key.lastIndexOf('|') + 1)))
                .containsExactly("z", "a", "b", "c");
    }

    @Test
    void aRangeHoldsExactlyTheMallsRecordsFromOneTimeToAnother() {
        // A record every 10 ms over a second, two at some times, and other malls' records at the same times.
        List<Logged> logged = IntStream.range(0, 100).boxed().flatMap(i -> {
            Instant at = T.plusMillis(10L * i);
            return List.of(Logged.of("M1", at, "r" + i), Logged.of("M1", at, "s" + i), Logged.of("M10", at, "x" + i),
                    Logged.of("M", at, "y" + i), Logged.of("M1-b", at, "w" + i)).stream();
        }).toList();
        Instant from = T.plusMillis(200);
        Instant to = T.plusMillis(550);

        assertThat(inRange(logged, NewestFirstKey.between("k", "M1", from, to)))
                .isEqualTo(selected(logged, l -> !l.at().isBefore(from) && l.at().isBefore(to)));
        assertThat(inRange(logged, NewestFirstKey.between("k", "M1", from, null)))
                .isEqualTo(selected(logged, l -> !l.at().isBefore(from)));
        assertThat(inRange(logged, NewestFirstKey.between("k", "M1", null, to)))
                .isEqualTo(selected(logged, l -> l.at().isBefore(to)));
        assertThat(inRange(logged, NewestFirstKey.between("k", "M1", null, null))).hasSize(200)
                .isEqualTo(selected(logged, l -> true));
    }

    @Test
    void aPartOfTheLogIsARangeOfItsOwn() {
        List<String> keys = List.of(NewestFirstKey.of("M1", "DISPATCHED", T, "a"),
                NewestFirstKey.of("M1", "DISPATCHED", T.plusSeconds(1), "b"), NewestFirstKey.of("M1", "CLOSED", T, "c"),
                NewestFirstKey.of("M1", "DISPATCHED_LATE", T, "d"), NewestFirstKey.of("M10", "DISPATCHED", T, "e"),
                NewestFirstKey.of("M1", T, "f"));
        Document bounds = (Document) NewestFirstKey.between("k", "M1", "DISPATCHED", null, null).getCriteriaObject()
                .get("k");
        assertThat(keys.stream().sorted().filter(key -> key.compareTo((String) bounds.get("$gte")) >= 0
                && key.compareTo((String) bounds.get("$lt")) < 0).map(key -> key.substring(key.lastIndexOf('|') + 1)))
                .containsExactly("b", "a");
    }

    /** The ids whose key the range's bounds hold, in key order. */
    private static List<String> inRange(List<Logged> logged, Criteria range) {
        Document bounds = (Document) range.getCriteriaObject().get("k");
        return logged.stream().map(Logged::key).sorted().filter(key -> {
            boolean above = bounds.containsKey("$gt") ? key.compareTo((String) bounds.get("$gt")) > 0
                    : key.compareTo((String) bounds.get("$gte")) >= 0;
            return above && key.compareTo((String) bounds.get("$lt")) < 0;
        }).map(key -> key.substring(key.lastIndexOf('|') + 1)).toList();
    }

    /** The mall M1's records that {@code wanted} selects, newest first, then by id. */
    private static List<String> selected(List<Logged> logged, Predicate<Logged> wanted) {
        return logged.stream().filter(l -> l.key().startsWith("M1|")).filter(wanted)
                .sorted((a, b) -> a.at().equals(b.at()) ? a.id().compareTo(b.id()) : b.at().compareTo(a.at()))
                .map(Logged::id).toList();
    }
}
