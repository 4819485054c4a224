package com.mallservicedesk.dispatch.workorder;

import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.store.WorkingSetKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** A work order's place in its mall's open set, and the open list's order in memory, without a database. */
class OpenKeyTest {

    @Test
    void anOpenOrderHasItsPlaceInTheMallsSetByCreationTimeWhateverItsDepartmentAndStep() {
        WorkOrder order = WorkOrderMother.aRepair().opened().keepPlaceInOpenSet();
        String place = WorkingSetKey.of("M001", T0, order.getId());

        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(order.openKey()).isEqualTo(place).isEqualTo(order.placeInOpenSet()).startsWith("M001|");
        order.accept("staff-1", T0.plusSeconds(60));
        assertThat(order.keepPlaceInOpenSet().openKey()).isEqualTo(place);
        order.delay("等待配件", T0.plusSeconds(86_400), "staff-1", T0.plusSeconds(120));
        assertThat(order.keepPlaceInOpenSet().openKey()).isEqualTo(place);
        // A transfer keeps the place: the key goes by the creation time, which it does not change.
        order.transfer("CLEANING", "清潔問題", "staff-1", T0.plusSeconds(180));
        assertThat(order.keepPlaceInOpenSet().openKey()).isEqualTo(place);

        WorkOrder waiting = WorkOrderMother.aRepair().unassigned().opened().keepPlaceInOpenSet();
        assertThat(waiting.getStatus()).isEqualTo(WorkOrderStatus.UNASSIGNED);
        assertThat(waiting.openKey()).isEqualTo(WorkingSetKey.of("M001", T0, waiting.getId()));
    }

    @Test
    void anOrderLeavesTheSetWhenCompletedCancelledOrMergedAndComesBackWhenReopened() {
        WorkOrder completed = WorkOrderMother.aRepair().completed().keepPlaceInOpenSet();
        assertThat(completed.getStatus()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThat(completed.openKey()).isNull();
        completed.reopen("cb-1", 1, "not satisfied", T0.plusSeconds(7200));
        assertThat(completed.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(completed.keepPlaceInOpenSet().openKey()).isEqualTo(WorkingSetKey.of("M001", T0, completed.getId()));

        WorkOrder cancelled = WorkOrderMother.aRepair().opened().keepPlaceInOpenSet();
        cancelled.cancel("顧客撤回", null, T0.plusSeconds(60));
        assertThat(cancelled.getStatus()).isEqualTo(WorkOrderStatus.CANCELLED);
        assertThat(cancelled.keepPlaceInOpenSet().openKey()).isNull();

        WorkOrder merged = WorkOrderMother.aRepair().unassigned().opened().keepPlaceInOpenSet();
        merged.cancel("merged", "wo-parent", T0.plusSeconds(60));
        assertThat(merged.getStatus()).isEqualTo(WorkOrderStatus.MERGED);
        assertThat(merged.keepPlaceInOpenSet().openKey()).isNull();
    }

    @Test
    void everyOrderTheListOffersCanBeGivenInMemoryBothWays() {
        for (String field : WorkOrderSearch.SORTS.names()) {
            for (Sort.Direction direction : Sort.Direction.values()) {
                assertThat(WorkOrderSearch.inMemory(Sort.by(direction, field).and(Sort.by("_id")))).as(field).isPresent();
            }
        }
    }

    private record Row(String id, Instant at, String text) {
    }

    private static final Map<String, Comparator<Row>> FIELDS = Map.of(
            "at", Comparator.comparing(Row::at, Comparator.nullsFirst(Comparator.naturalOrder())),
            "text", Comparator.comparing(Row::text, Comparator.nullsFirst(WorkOrderSearch::compareAsStored)),
            "_id", Comparator.comparing(Row::id));

    private static List<String> sorted(Sort sort, Row... rows) {
        Comparator<Row> order = WorkOrderSearch.inOrder(sort, FIELDS).orElseThrow();
        return Stream.of(rows).sorted(order).map(Row::id).toList();
    }

    @Test
    void theOpenListOrdersInMemoryAsMongoDbSortsAMissingValueFirstAscendingLastDescendingTiesById() {
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
        assertThat(WorkOrderSearch.compareAsStored(fullwidth, emoji)).isNegative();
        assertThat(WorkOrderSearch.compareAsStored("AB", "ABC")).isNegative();
        assertThat(WorkOrderSearch.compareAsStored("ABC", "AB")).isPositive();
        assertThat(WorkOrderSearch.compareAsStored("CLEANING", "CLEANING")).isZero();
        assertThat(WorkOrderSearch.compareAsStored("ACCEPTED", "ASSIGNED")).isNegative();
    }

    @Test
    void anOrderTheListCannotGiveInMemoryIsLeftToTheStore() {
        assertThat(WorkOrderSearch.inMemory(Sort.unsorted())).isEmpty();
        assertThat(WorkOrderSearch.inMemory(Sort.by("description"))).isEmpty();
        assertThat(WorkOrderSearch.inMemory(Sort.by(Sort.Order.asc("kind").ignoreCase()))).isEmpty();
        assertThat(WorkOrderSearch.inMemory(Sort.by(Sort.Order.asc("kind").nullsLast()))).isEmpty();
    }
}
