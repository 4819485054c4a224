package com.mallservicedesk.callback.followup;

import static com.mallservicedesk.callback.followup.CallbackMother.CUSTOMER;
import static com.mallservicedesk.callback.followup.CallbackMother.DAY;
import static com.mallservicedesk.callback.followup.CallbackMother.at;
import static com.mallservicedesk.callback.followup.CallbackMother.repairAnswers;
import static com.mallservicedesk.callback.followup.CallbackMother.work;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.callback.policy.PolicyBuilder;
import com.mallservicedesk.platform.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When the customer-service supervisor takes a case over: after the mall's number of unsatisfied callbacks of the same
 * request (seed 003 §2 "對於客戶不滿意的處理結果,客服主管應協調相關部門重新處理,直至客戶滿意為止"; seed 000 §4.3.5, §4.8
 * "跟蹤回訪、直至合格為止").
 */
class SupervisorHandoverTest {

    private static final Instant NEXT_DAY_NOON = at(DAY.plusDays(1), 12, 0);
    private static final CallbackResult UNSATISFIED = repairAnswers(Rating.SATISFIED, Rating.DISSATISFIED, Rating.SATISFIED);

    /** Round {@code round} of the same request's work order, after {@code previous}. */
    private static Callback round(int round, Callback previous, CallbackPolicy policy) {
        return CallbackMother.forWork(work("REPAIR", round, CUSTOMER), null, previous, policy);
    }

    private static List<String> names(List<DomainEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    @Test
    @DisplayName("seed 003 §2, seed 000 §4.8: by default the second unsatisfied callback hands the case to the supervisor")
    void theSecondUnsatisfiedCallbackHandsTheCaseOverByDefault() {
        CallbackPolicy policy = PolicyBuilder.mall().build();
        Callback first = round(1, null, policy);
        assertThat(names(first.record(UNSATISFIED, "alice", NEXT_DAY_NOON))).containsExactly("Completed", "Unsatisfied");
        assertThat(first.isEscalated()).isFalse();

        Callback second = round(2, first, policy);
        List<DomainEvent> events = second.record(UNSATISFIED, "alice", NEXT_DAY_NOON);
        assertThat(names(events)).containsExactly("Completed", "Unsatisfied", "Escalated");
        var escalated = (CallbackEvents.Escalated) events.get(2);
        assertThat(escalated.toRole()).isEqualTo("SUPERVISOR");
        assertThat(escalated.unsatisfiedRounds()).isEqualTo(2);
        assertThat(escalated.supervisorAfterUnsatisfied()).isEqualTo(2);
        assertThat(escalated.handover()).isTrue();
        assertThat(escalated.requestNumber()).isEqualTo("M001-20261125-0001");
        assertThat(escalated.dissatisfiedWith()).containsExactly("attitude");
    }

    @Test
    @DisplayName("seed 003 §2: a mall that sets 3 hands the case over at the third unsatisfied callback, not before")
    void aMallsOwnThresholdDecidesWhenTheSupervisorTakesOver() {
        CallbackPolicy policy = PolicyBuilder.mall().supervisorAfter(3).build();
        Callback first = round(1, null, policy);
        first.record(UNSATISFIED, "alice", NEXT_DAY_NOON);
        Callback second = round(2, first, policy);
        assertThat(names(second.record(UNSATISFIED, "alice", NEXT_DAY_NOON))).doesNotContain("Escalated");
        assertThat(second.getSupervisorAfterUnsatisfied()).isEqualTo(3);

        Callback third = round(3, second, policy);
        List<DomainEvent> events = third.record(UNSATISFIED, "alice", NEXT_DAY_NOON);
        assertThat(names(events)).containsExactly("Completed", "Unsatisfied", "Escalated");
        assertThat(((CallbackEvents.Escalated) events.get(2)).handover()).isTrue();
    }

    @Test
    @DisplayName("seed 000 §4.8 直至合格為止: after the handover every further unsatisfied callback tells the supervisor again; a satisfied one ends it")
    void laterUnsatisfiedCallbacksStayWithTheSupervisorUntilSatisfied() {
        CallbackPolicy policy = PolicyBuilder.mall().supervisorAfter(1).build();
        Callback first = round(1, null, policy);
        List<DomainEvent> events = first.record(UNSATISFIED, "alice", NEXT_DAY_NOON);
        assertThat(((CallbackEvents.Escalated) events.get(2)).handover()).isTrue();

        Callback second = round(2, first, policy);
        List<DomainEvent> again = second.record(UNSATISFIED, "alice", NEXT_DAY_NOON);
        var escalated = (CallbackEvents.Escalated) again.get(2);
        assertThat(escalated.unsatisfiedRounds()).isEqualTo(2);
        assertThat(escalated.handover()).isFalse();

        Callback third = round(3, second, policy);
        assertThat(names(third.record(repairAnswers(Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED), "alice",
                NEXT_DAY_NOON))).containsExactly("Completed");
        assertThat(third.isEscalated()).isFalse();
    }

    @Test
    @DisplayName("seed 000 §4.5: an unsatisfied daily proactive callback is reported, not handed over as a case")
    void dailyCallbacksAreNotHandedOver() {
        CallbackPolicy policy = PolicyBuilder.mall().supervisorAfter(1).build();
        Callback daily = Callback.proactive("M001", DAY, new ProactiveTarget("T1", "茶飲店", "SHOP", "1F", "A", "101"), policy,
                at(DAY, 8, 0)).aggregate();
        List<DomainEvent> events = daily.record(new CallbackResult(CallbackMethod.PHONE, null, null, null,
                null, null, Rating.DISSATISFIED, null), "alice", at(DAY, 12, 0));
        assertThat(names(events)).containsExactly("ProactiveCompleted", "Unsatisfied");
    }
}
