package com.mallservicedesk.callback.followup;

import static com.mallservicedesk.callback.followup.CallbackMother.COMPLETED;
import static com.mallservicedesk.callback.followup.CallbackMother.CUSTOMER;
import static com.mallservicedesk.callback.followup.CallbackMother.DAY;
import static com.mallservicedesk.callback.followup.CallbackMother.at;
import static com.mallservicedesk.callback.followup.CallbackMother.repairAnswers;
import static com.mallservicedesk.callback.followup.CallbackMother.unreachable;
import static com.mallservicedesk.callback.followup.CallbackMother.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.callback.requests.RequestFacts;
import com.mallservicedesk.callback.stats.Count;
import com.mallservicedesk.callback.stats.Tally;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The callback's rules on their own, in milliseconds. */
class CallbackRulesTest {

    private static final Instant NEXT_DAY_NOON = at(DAY.plusDays(1), 12, 0);

    @Test
    @org.junit.jupiter.api.DisplayName("seed 000 §4.4.4: completed work is called back the next day — from the desk's opening (09:00, seed 000 §3.1.1) to its close")
    void completedWorkIsScheduledForTheNextWorkingDayWithItsTwoTimers() {
        Callback c = CallbackMother.repair();
        assertThat(c.getStatus()).isEqualTo(CallbackStatus.SCHEDULED);
        assertThat(c.getCallableFrom()).isEqualTo(at(DAY.plusDays(1), 9, 0));
        assertThat(c.getDueAt()).isEqualTo(at(DAY.plusDays(1), 21, 0));
        assertThat(c.getMonth()).isEqualTo("2026-11");
        assertThat(c.getTimerOutbox()).extracting(PendingTimer::timerId)
                .containsExactly("callback-due:cb-wo-R1-1:1", "callback-overdue:cb-wo-R1-1:1");
        assertThat(CallbackFigures.of(c)).isEqualTo(Tally.ofOne(Count.NEEDING));
    }

    @Test
    void internalServicesAndKindsTheMallDoesNotCallBackAreExemptAndNotCounted() {
        var internal = new RequestFacts("R1", "M001", "PHONE", "REPAIR", "INTERNAL", null);
        Callback exempt = CallbackMother.forWork(work("REPAIR", 1, CUSTOMER), internal, null);
        assertThat(exempt.getStatus()).isEqualTo(CallbackStatus.EXEMPT);
        assertThat(exempt.getExemptReason()).isEqualTo(ExemptReason.INTERNAL_SERVICE);
        assertThat(exempt.getTimerOutbox()).isEmpty();
        assertThat(CallbackFigures.of(exempt)).isEqualTo(Tally.ofOne(Count.EXEMPT));

        Callback consultation = CallbackMother.forWork(work("CONSULTATION", 1, CUSTOMER), null, null);
        assertThat(consultation.getExemptReason()).isEqualTo(ExemptReason.KIND_NOT_CALLED_BACK);
        var patrol = new RequestFacts("R1", "M001", "PATROL", "REPAIR", null, null);
        assertThat(CallbackMother.forWork(work("REPAIR", 1, null), patrol, null).getStatus()).isEqualTo(CallbackStatus.EXEMPT);
    }

    @Test
    void workWithNobodyToCallIsFlaggedUnlessTheStoreCanBeVisited() {
        Callback nobody = CallbackMother.forWork(work("REPAIR", 1, new CompletedWorkOrder.Contact("某顧客", null)), null, null);
        assertThat(nobody.getStatus()).isEqualTo(CallbackStatus.NO_CONTACT);
        assertThat(CallbackFigures.of(nobody)).isEqualTo(Tally.ofOne(Count.NO_CONTACT));
        var tenant = new RequestFacts("R1", "M001", "VISIT", "REPAIR", "TENANT", "T-3F-12");
        assertThat(CallbackMother.forWork(work("REPAIR", 1, null), tenant, null).getStatus()).isEqualTo(CallbackStatus.SCHEDULED);
    }

    @Test
    void unreachableAttemptsCountOncePerDayAndTheThirdDayEndsTheCallback() {
        Callback c = CallbackMother.repair();
        c.attempt(unreachable(at(DAY.plusDays(1), 10, 5)), "alice", NEXT_DAY_NOON);
        c.attempt(unreachable(at(DAY.plusDays(1), 11, 30)), "alice", NEXT_DAY_NOON);
        assertThat(c.unreachableDays()).isEqualTo(1);
        c.attempt(unreachable(at(DAY.plusDays(2), 10, 5)), "alice", at(DAY.plusDays(2), 12, 0));
        assertThat(c.getStatus().open()).isTrue();

        List<DomainEvent> events = c.attempt(unreachable(at(DAY.plusDays(3), 10, 5)), "bob", at(DAY.plusDays(3), 12, 0));
        assertThat(c.getStatus()).isEqualTo(CallbackStatus.UNREACHABLE);
        assertThat(events).hasSize(2).last().isInstanceOfSatisfying(CallbackEvents.Unreachable.class, e -> {
            assertThat(e.toRole()).isEqualTo("SUPERVISOR");
            assertThat(e.unreachableDays()).isEqualTo(3);
            assertThat(e.attempts()).isEqualTo(4);
        });
        assertThat(CallbackFigures.of(c)).isEqualTo(Tally.ofOne(Count.NEEDING, Count.UNREACHABLE));
        assertThatThrownBy(() -> c.attempt(unreachable(at(DAY.plusDays(3), 13, 0)), "bob", at(DAY.plusDays(3), 14, 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("callback-closed"));
    }

    @Test
    void anAttemptCannotBeLoggedInTheFutureOrBeforeTheWorkWasDone() {
        Callback c = CallbackMother.repair();
        assertThatThrownBy(() -> c.attempt(unreachable(NEXT_DAY_NOON.plusSeconds(3600)), "alice", NEXT_DAY_NOON))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("attempt-time-invalid"));
        assertThatThrownBy(() -> c.attempt(unreachable(COMPLETED.minusSeconds(60)), "alice", NEXT_DAY_NOON))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aCustomerWhoDeclinesIsCountedAsCalledBackWithoutAnswers() {
        Callback c = CallbackMother.repair();
        c.attempt(new RecordAttempt(CallbackMethod.PHONE, AttemptOutcome.REFUSED, "不願作答", null), "alice", NEXT_DAY_NOON);
        assertThat(c.getStatus()).isEqualTo(CallbackStatus.REFUSED);
        assertThat(CallbackFigures.of(c)).isEqualTo(Tally.ofOne(Count.NEEDING, Count.DONE, Count.ON_TIME, Count.REFUSED));
        assertThat(c.getTimerOutbox()).filteredOn(PendingTimer::cancels).extracting(PendingTimer::timerId)
                .containsExactlyInAnyOrder("callback-due:cb-wo-R1-1:1", "callback-overdue:cb-wo-R1-1:1");
    }

    @Test
    void anOverdueCallbackIsMarkedOnceAndCountsLateWhenDone() {
        Callback c = CallbackMother.repair();
        Instant late = at(DAY.plusDays(2), 9, 0);
        assertThat(c.markOverdue(late)).singleElement().isInstanceOf(CallbackEvents.Overdue.class);
        assertThat(c.markOverdue(late.plusSeconds(5))).isEmpty();
        c.record(repairAnswers(Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED), "alice", late.plusSeconds(3600));
        assertThat(c.getOnTime()).isFalse();
        assertThat(CallbackFigures.of(c).get(Count.ON_TIME)).isZero();
        assertThat(CallbackFigures.of(c).get(Count.OVERDUE)).isEqualTo(1);
        assertThat(CallbackFigures.of(c).get(Count.SATISFIED)).isEqualTo(1);
    }

    @Test
    void eachKindAsksItsOwnQuestions() {
        assertThatThrownBy(() -> CallbackMother.repair().record(
                new CallbackResult(CallbackMethod.PHONE, null, Rating.SATISFIED, null, true, true, null, null), "a", NEXT_DAY_NOON))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("callback-answers-missing"));

        Callback complaint = CallbackMother.complaint();
        complaint.record(new CallbackResult(CallbackMethod.VISIT, Rating.VERY_DISSATISFIED, Rating.SATISFIED, null, true,
                true, null, "已道歉並更換"), "alice", NEXT_DAY_NOON);
        assertThat(complaint.getSatisfied()).isTrue();
        // The complaint callback does not ask about timeliness: that answer is not kept.
        assertThat(complaint.getResult().timeliness()).isNull();
        assertThat(CallbackFigures.of(complaint)).isEqualTo(Tally.ofOne(Count.NEEDING, Count.DONE, Count.ON_TIME,
                Count.ANSWERED, Count.SATISFIED, Count.ATTITUDE_ANSWERED, Count.ATTITUDE_SATISFIED, Count.COMPLAINT_ANSWERED,
                Count.COMPLAINT_RESOLVED, Count.OUTCOME_ACCEPTED));
    }

    @Test
    void theSecondUnsatisfiedRoundBringsInTheSupervisor() {
        Callback first = CallbackMother.repair();
        List<DomainEvent> firstEvents = first.record(repairAnswers(Rating.SATISFIED, Rating.DISSATISFIED, Rating.SATISFIED),
                "alice", NEXT_DAY_NOON);
        assertThat(firstEvents).extracting(e -> e.getClass().getSimpleName()).containsExactly("Completed", "Unsatisfied");

        Callback second = CallbackMother.forWork(work("REPAIR", 2, CUSTOMER), null, first);
        assertThat(second.getId()).isEqualTo("cb-wo-R1-2");
        assertThat(second.getPreviousCallbackId()).isEqualTo("cb-wo-R1-1");
        List<DomainEvent> secondEvents = second.record(repairAnswers(Rating.DISSATISFIED, Rating.SATISFIED, Rating.SATISFIED),
                "alice", NEXT_DAY_NOON);
        assertThat(secondEvents).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Completed", "Unsatisfied", "Escalated");
        assertThat(second.isEscalated()).isTrue();

        Callback third = CallbackMother.forWork(work("REPAIR", 3, CUSTOMER), null, second);
        third.record(repairAnswers(Rating.SATISFIED, Rating.SATISFIED, Rating.VERY_SATISFIED), "alice", NEXT_DAY_NOON);
        assertThat(third.rounds()).extracting(Round::round, Round::callbackId, Round::satisfied).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "cb-wo-R1-1", false),
                org.assertj.core.groups.Tuple.tuple(2, "cb-wo-R1-2", false),
                org.assertj.core.groups.Tuple.tuple(3, "cb-wo-R1-3", true));
    }
}
