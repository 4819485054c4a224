package com.mallservicedesk.dispatch.workorder;

import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.T0;
import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.aRepair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.dispatch.escalation.EscalationDirectory;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work order's own rules, without Spring, a broker or a store: each runs in milliseconds. */
class WorkOrderRulesTest {

    @Test
    void aRoutedOrderIsAssignedAtOnceAndAnUnroutedOneWaitsForTheFrontDesk() {
        assertThat(aRepair().opened().getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(aRepair().unassigned().opened().getStatus()).isEqualTo(WorkOrderStatus.UNASSIGNED);
    }

    @Test
    void aCompletedOrderCannotBeAcceptedAgain() {
        WorkOrder order = aRepair().completed();
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThatThrownBy(() -> order.accept("staff-1", T0.plusSeconds(7200)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void anUnsatisfiedCallbackReopensTheOrderInANewRoundOnce() {
        WorkOrder order = aRepair().completed();
        assertThat(order.reopen("cb-1", "not satisfied", T0.plusSeconds(90_000))).isNotEmpty();
        assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(order.clockOf(SlaRule.CONTACT)).startsWith("2.");
        // The same callback reported twice reopens once.
        assertThat(order.reopen("cb-1", "not satisfied", T0.plusSeconds(90_001))).isEmpty();
    }

    @Test
    void runningClocksBecomeTimerChangesInTheSameWriteAndOnlyWhenTheyChange() {
        WorkOrder order = aRepair().opened();
        Map<SlaRule, java.time.Instant> wanted = new EnumMap<>(SlaRule.class);
        wanted.put(SlaRule.CONTACT, T0.plus(Duration.ofMinutes(15)));
        wanted.put(SlaRule.REPAIR_COMPLETION, T0.plus(Duration.ofHours(48)));

        order.runClocks(wanted);
        assertThat(order.getTimerOutbox()).extracting(PendingTimer::timerId)
                .containsExactlyInAnyOrder(SlaClocks.timerId(order.getId(), "1.0", SlaRule.CONTACT),
                        SlaClocks.timerId(order.getId(), "1", SlaRule.REPAIR_COMPLETION));

        order.getTimerOutbox().clear();
        order.runClocks(wanted);
        assertThat(order.getTimerOutbox()).as("unchanged clocks cause no timer change").isEmpty();

        // Contacted: the contact clock stops, the repair clock keeps running.
        wanted.remove(SlaRule.CONTACT);
        order.runClocks(wanted);
        assertThat(order.getTimerOutbox()).singleElement().satisfies(change -> {
            assertThat(change.cancels()).isTrue();
            assertThat(change.timerId()).isEqualTo(SlaClocks.timerId(order.getId(), "1.0", SlaRule.CONTACT));
        });
    }

    @Test
    void aBreachIsRecordedOncePerClockAndMarksTheOrderOverdue() {
        WorkOrder order = aRepair().opened();
        String clock = order.clockOf(SlaRule.CONTACT);
        var deadline = T0.plus(Duration.ofMinutes(15));

        assertThat(order.breach(SlaRule.CONTACT, clock, deadline, deadline.plusSeconds(1), EscalationDirectory.empty())).isNotEmpty();
        assertThat(order.isOverdue()).isTrue();
        assertThat(order.breach(SlaRule.CONTACT, clock, deadline, deadline.plusSeconds(2), EscalationDirectory.empty())).isEmpty();
    }
}
