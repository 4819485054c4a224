package com.mallservicedesk.dispatch.workorder;

import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.store.WorkingSetKey;
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

    @Test
    void anOrderTheListCannotGiveInMemoryIsLeftToTheStore() {
        assertThat(WorkOrderSearch.inMemory(Sort.unsorted())).isEmpty();
        assertThat(WorkOrderSearch.inMemory(Sort.by("description"))).isEmpty();
        assertThat(WorkOrderSearch.inMemory(Sort.by(Sort.Order.asc("kind").ignoreCase()))).isEmpty();
        assertThat(WorkOrderSearch.inMemory(Sort.by(Sort.Order.asc("kind").nullsLast()))).isEmpty();
    }
}
