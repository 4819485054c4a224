package com.mallservicedesk.dispatch.workorder;

import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.T0;
import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.aRepair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.dispatch.escalation.EscalationDirectory;
import com.mallservicedesk.dispatch.escalation.EscalationRole;
import com.mallservicedesk.dispatch.escalation.EscalationTarget;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where escalations go and whom they name, without Spring: seed 000 §3.1, §4.4.3, §4.7 and the flow chart of 第一條. */
class EscalationRulesTest {

    private static final EscalationTarget HEAD = new EscalationTarget(EscalationRole.DEPARTMENT_HEAD, "李主管", "13900000001");
    private static final EscalationTarget DESK = new EscalationTarget(EscalationRole.FRONT_DESK, "前臺值班", "13900000002");
    private static final EscalationTarget SUPERVISOR = new EscalationTarget(EscalationRole.CS_SUPERVISOR, "陳主管", "13900000003");
    private static final EscalationTarget CS_HEAD = new EscalationTarget(EscalationRole.CS_HEAD, "周部長", "13900000004");
    private static final EscalationTarget MANAGER = new EscalationTarget(EscalationRole.PROPERTY_MANAGER, "吳經理", null);

    private static EscalationDirectory directory(boolean unresolvedGoesToManager) {
        Map<EscalationRole, List<EscalationTarget>> contacts = new EnumMap<>(EscalationRole.class);
        for (EscalationTarget t : List.of(HEAD, DESK, SUPERVISOR, CS_HEAD, MANAGER)) {
            contacts.put(t.role(), List.of(t));
        }
        return new EscalationDirectory(contacts, unresolvedGoesToManager);
    }

    private static WorkOrderEvents.Escalated escalation(List<DomainEvent> events) {
        return events.stream().filter(WorkOrderEvents.Escalated.class::isInstance).map(WorkOrderEvents.Escalated.class::cast)
                .findFirst().orElseThrow();
    }

    private static List<DomainEvent> breach(WorkOrder order, SlaRule rule, EscalationDirectory directory) {
        Instant deadline = T0.plus(Duration.ofHours(1));
        return order.breach(rule, order.clockOf(rule), deadline, deadline.plusSeconds(1), directory);
    }

    @Test
    @DisplayName("seed 000 §4.4.3: a repair not completed in 48 h goes to the CS supervisor (通報客服主管), not a step of the chain")
    void anOverdueRepairGoesToTheCsSupervisor() {
        WorkOrder order = aRepair().opened();
        var escalated = escalation(breach(order, SlaRule.REPAIR_COMPLETION, directory(true)));
        assertThat(escalated.toRole()).isEqualTo(EscalationRole.CS_SUPERVISOR);
        assertThat(escalated.targets()).containsExactly(SUPERVISOR);
        assertThat(escalated.level()).isZero();
        assertThat(order.getEscalatedTo()).isEqualTo(EscalationRole.CS_SUPERVISOR);
        // The routine chain is where it was: the next routine breach still goes to the department head.
        assertThat(escalation(breach(order, SlaRule.CONTACT, directory(true))).toRole())
                .isEqualTo(EscalationRole.DEPARTMENT_HEAD);
    }

    @Test
    @DisplayName("seed 000 §4.7 and flow chart: routine breaches climb department head → front desk → CS head → property manager")
    void routineBreachesClimbTheChainAndNameTheStoredContacts() {
        WorkOrder order = aRepair().opened();
        var first = escalation(breach(order, SlaRule.CONTACT, directory(true)));
        assertThat(first.toRole()).isEqualTo(EscalationRole.DEPARTMENT_HEAD);
        assertThat(first.targets()).containsExactly(HEAD);
        assertThat(escalation(breach(order, SlaRule.SAME_DAY, directory(true))).targets()).containsExactly(DESK);
        assertThat(escalation(order.escalate("協調不成", false, "desk-1", T0.plusSeconds(10), directory(true))).targets())
                .containsExactly(CS_HEAD);
        var fourth = escalation(order.escalate("客服部負責人未能解決", false, "head-1", T0.plusSeconds(20), directory(true)));
        assertThat(fourth.toRole()).isEqualTo(EscalationRole.PROPERTY_MANAGER);
        assertThat(fourth.targets()).containsExactly(MANAGER);
        assertThatThrownBy(() -> order.escalate("again", false, "x", T0.plusSeconds(30), directory(true)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    @DisplayName("seed 000 flow chart: a mall may keep what the CS head leaves unresolved away from the property manager")
    void aMallMayStopTheChainAtTheCsHead() {
        WorkOrder order = aRepair().opened();
        breach(order, SlaRule.CONTACT, directory(false));
        breach(order, SlaRule.SAME_DAY, directory(false));
        order.escalate("協調不成", false, "desk-1", T0.plusSeconds(10), directory(false));
        assertThat(order.getEscalatedTo()).isEqualTo(EscalationRole.CS_HEAD);
        // A further breach is recorded but goes nowhere beyond the CS head.
        WorkOrder promised = order;
        promised.delay("等零件", T0.plus(Duration.ofDays(1)), "staff-1", T0.plusSeconds(40));
        assertThat(breach(promised, SlaRule.PROMISED, directory(false)))
                .noneMatch(WorkOrderEvents.Escalated.class::isInstance)
                .anyMatch(WorkOrderEvents.SlaBreached.class::isInstance);
        assertThatThrownBy(() -> order.escalate("again", false, "x", T0.plusSeconds(50), directory(false)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("seed 000 §3.1: a request beyond customer service goes to the property manager at once (須報物業經理處理)")
    void beyondCustomerServiceGoesToTheManagerAtOnce() {
        WorkOrder order = aRepair().opened();
        var escalated = escalation(order.escalate("涉及業主產權", true, "cs-head", T0.plusSeconds(10), directory(false)));
        assertThat(escalated.toRole()).isEqualTo(EscalationRole.PROPERTY_MANAGER);
        assertThat(escalated.targets()).containsExactly(MANAGER);
        assertThat(escalated.reason()).startsWith("beyond customer service");
        assertThatThrownBy(() -> order.escalate("again", true, "x", T0.plusSeconds(20), directory(true)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("seed 000 §4.4 and §4.7: a dispatch breach of an order without a department goes to the front desk and the CS head")
    void anUndispatchedOrderEscalatesToTheFrontDeskAndCsHead() {
        WorkOrder order = aRepair().unassigned().opened();
        var escalated = escalation(breach(order, SlaRule.DISPATCH, directory(true)));
        assertThat(escalated.toRole()).isEqualTo(EscalationRole.CS_HEAD);
        assertThat(escalated.targets()).containsExactly(DESK, CS_HEAD);
        assertThat(escalated.targets()).noneMatch(t -> t.role() == EscalationRole.DEPARTMENT_HEAD);
    }

    @Test
    @DisplayName("contract C5: a role without stored contacts is still named, by the seeds' title, without a phone")
    void aRoleWithoutContactsIsNamedByItsTitle() {
        WorkOrder order = aRepair().opened();
        var escalated = escalation(breach(order, SlaRule.REPAIR_COMPLETION, EscalationDirectory.empty()));
        assertThat(escalated.targets()).containsExactly(new EscalationTarget(EscalationRole.CS_SUPERVISOR, "客服主管", null));
    }

    @Test
    @DisplayName("seed 003 §2: passing a complaint to the supervisor within [X] minutes is the front desk's; the retired department clock never applies")
    void theRetiredComplaintHandOverClockNeverApplies() {
        WorkOrder complaint = aRepair().ofKind("COMPLAINT").opened();
        assertThat(complaint.applies(SlaRule.COMPLAINT_TO_SUPERVISOR)).isFalse();
        // A timer stored by an earlier release fires without effect.
        assertThat(breach(complaint, SlaRule.COMPLAINT_TO_SUPERVISOR, directory(true))).isEmpty();
        // The department's part is to contact the customer at once (seed 000 §4.5) and investigate in working days.
        assertThat(complaint.applies(SlaRule.CONTACT)).isTrue();
        assertThat(complaint.applies(SlaRule.COMPLAINT_INVESTIGATION)).isTrue();
    }
}
