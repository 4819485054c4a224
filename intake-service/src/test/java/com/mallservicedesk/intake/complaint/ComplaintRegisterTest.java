package com.mallservicedesk.intake.complaint;

import static com.mallservicedesk.intake.complaint.AComplaint.MALL_DEFAULTS;
import static com.mallservicedesk.intake.complaint.AComplaint.MONDAY_10;
import static com.mallservicedesk.intake.complaint.AComplaint.aComplaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.intake.complaint.ComplaintEvents.ClockMissed;
import com.mallservicedesk.intake.complaint.ComplaintEvents.Concluded;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The complaint register's own rules (投訴處理登記表), without Spring, a broker or a store. */
class ComplaintRegisterTest {

    @Test
    @DisplayName("seed 003 §2: the hand-over clock runs 30 minutes of desk time from receipt")
    void theHandoverClockRunsThirtyMinutesOfDeskTime() {
        var register = ComplaintRegister.open("req-1", "M001", "n", MONDAY_10, MALL_DEFAULTS, MONDAY_10).aggregate();

        assertThat(register.getStage()).isEqualTo(ComplaintStage.AWAITING_HANDOVER);
        assertThat(register.getClocks().get("HANDOVER").dueAt()).isEqualTo(MONDAY_10.plusSeconds(1800));
        assertThat(register.getTimerOutbox()).extracting(PendingTimer::timerId)
                .containsExactlyInAnyOrder("complaint-clock:req-1:HANDOVER", "complaint-clock:req-1:FEEDBACK");
    }

    @Test
    @DisplayName("seed 003 §2 in the desk's hours: a complaint received at 20:50 is due with the supervisor at 09:20")
    void aComplaintReceivedBeforeClosingIsHandedOverTheNextMorning() {
        Instant late = Instant.parse("2026-11-23T12:50:00Z");   // 20:50 in Shanghai; the desk closes at 21:00
        var register = aComplaint().receivedAt(late).build();

        assertThat(register.getClocks().get("HANDOVER").dueAt()).isEqualTo(Instant.parse("2026-11-24T01:20:00Z"));
    }

    @Test
    @DisplayName("seed 004 品質監控: the customer hears back within 5 working days of receipt")
    void theFeedbackClockRunsFiveWorkingDaysFromReceipt() {
        var register = aComplaint().build();

        // Monday's complaint: the 5th working day after it is Saturday (the mall works every day), closing at 21:00.
        assertThat(register.getClocks().get("FEEDBACK").dueAt()).isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
    }

    @Test
    @DisplayName("seed 003 §2: the hand-over stops its clock and starts the department's 3 working days")
    void theHandoverStartsTheInvestigationClock() {
        var register = aComplaint().build();

        register.handOver("alice", null, MALL_DEFAULTS, MONDAY_10.plusSeconds(600));

        assertThat(register.getStage()).isEqualTo(ComplaintStage.INVESTIGATING);
        assertThat(register.getClocks().get("HANDOVER").met()).isTrue();
        assertThat(register.getClocks().get("INVESTIGATION").dueAt()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(register.getTimerOutbox()).extracting(PendingTimer::timerId).containsExactly(
                "complaint-clock:req-1:HANDOVER", "complaint-clock:req-1:INVESTIGATION");
        assertThatThrownBy(() -> register.handOver("alice", null, MALL_DEFAULTS, MONDAY_10.plusSeconds(900)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("complaint-step-recorded"));
    }

    @Test
    @DisplayName("seed 003 §2: the completed work order records the investigation once; by hand it is refused after")
    void theCompletedWorkOrderRecordsTheInvestigationOnce() {
        var register = aComplaint().handedOver().build();

        assertThat(register.investigationFromWorkOrder("PARKING", "已處理", MONDAY_10.plusSeconds(3600))).isEmpty();
        assertThat(register.getInvestigation().by()).isEqualTo("dispatch");
        assertThat(register.getInvestigation().department()).isEqualTo("PARKING");
        assertThat(register.getClocks().get("INVESTIGATION").doneAt()).isEqualTo(MONDAY_10.plusSeconds(3600));
        assertThat(register.getStage()).isEqualTo(ComplaintStage.AWAITING_REVIEW);

        register.investigationFromWorkOrder("PARKING", "again", MONDAY_10.plusSeconds(7200));
        assertThat(register.getInvestigation().note()).isEqualTo("已處理");
        assertThatThrownBy(() -> register.recordInvestigation("sam", "x", null, MONDAY_10.plusSeconds(7200)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("seed 003 §2: the supervisor reviews before the customer is answered")
    void theCustomerIsAnsweredOnlyAfterTheReview() {
        var investigated = aComplaint().investigated().build();
        assertThatThrownBy(() -> investigated.recordFeedback("alice", "已回覆", true, MONDAY_10.plusSeconds(7200)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("complaint-step-out-of-order");
                    assertThat(e.status().value()).isEqualTo(409);
                });

        var received = aComplaint().build();
        assertThatThrownBy(() -> received.review("sam", null, MONDAY_10.plusSeconds(60)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("complaint-step-out-of-order"));
    }

    @Test
    @DisplayName("seed 000 §4.3.6: the conclusion reported to the supervisor closes the register and is published on time")
    void theConclusionClosesTheRegisterAndIsPublished() {
        var register = aComplaint().answered().build();
        Instant at = MONDAY_10.plusSeconds(3600);

        var events = register.conclude("alice", "顧客接受致歉;收費員已培訓", at);

        assertThat(register.isOpen()).isFalse();
        assertThat(register.getStage()).isEqualTo(ComplaintStage.CONCLUDED);
        assertThat(events).singleElement().isInstanceOfSatisfying(Concluded.class, concluded -> {
            assertThat(concluded.onTime()).isTrue();
            assertThat(concluded.requestId()).isEqualTo("req-1");
            assertThat(concluded.receivedAt()).isEqualTo(MONDAY_10);
            assertThat(concluded.handedOverAt()).isEqualTo(MONDAY_10.plusSeconds(600));
            assertThat(concluded.reviewedAt()).isEqualTo(MONDAY_10.plusSeconds(1800));
            assertThat(concluded.feedbackAt()).isEqualTo(MONDAY_10.plusSeconds(2400));
            assertThat(concluded.concludedAt()).isEqualTo(at);
            assertThat(concluded.conclusion()).isEqualTo("顧客接受致歉;收費員已培訓");
        });
        assertThatThrownBy(() -> register.conclude("alice", "again", at)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("complaint-closed"));
    }

    @Test
    @DisplayName("seed 003 §監控指標: a missed clock is recorded once, published, and makes the complaint late")
    void aMissedClockIsRecordedOnceAndMakesTheComplaintLate() {
        var register = aComplaint().build();
        Instant missedAt = MONDAY_10.plusSeconds(1801);

        assertThat(register.markMissed(ComplaintClock.HANDOVER, missedAt)).singleElement()
                .isInstanceOfSatisfying(ClockMissed.class, missed -> {
                    assertThat(missed.clock()).isEqualTo(ComplaintClock.HANDOVER);
                    assertThat(missed.dueAt()).isEqualTo(MONDAY_10.plusSeconds(1800));
                });
        assertThat(register.markMissed(ComplaintClock.HANDOVER, missedAt.plusSeconds(1))).isEmpty();
        // Handed over late: still recorded, the miss stays.
        register.handOver("alice", null, MALL_DEFAULTS, missedAt.plusSeconds(60));
        assertThat(register.getClocks().get("HANDOVER").missedAt()).isEqualTo(missedAt);
        assertThat(register.onTime()).isFalse();
    }

    @Test
    @DisplayName("seed 003 §2: a clock whose step was done in time does not count as missed when its timer fires late")
    void aClockDoneInTimeIsNotMissed() {
        var register = aComplaint().handedOver().build();

        assertThat(register.markMissed(ComplaintClock.HANDOVER, MONDAY_10.plusSeconds(1801))).isEmpty();
        assertThat(register.getClocks().get("HANDOVER").met()).isTrue();
    }

    @Test
    @DisplayName("seed 000 §4.3: a cancelled complaint's register is withdrawn and its clocks stop")
    void aWithdrawnRegisterStopsItsClocks() {
        var register = aComplaint().handedOver().build();

        register.withdraw("CANCELLED", MONDAY_10.plusSeconds(900));

        assertThat(register.getStage()).isEqualTo(ComplaintStage.WITHDRAWN);
        assertThat(register.getTimerOutbox()).extracting(PendingTimer::timerId).containsExactlyInAnyOrder(
                "complaint-clock:req-1:INVESTIGATION", "complaint-clock:req-1:FEEDBACK");
        assertThat(register.markMissed(ComplaintClock.FEEDBACK, MONDAY_10.plusSeconds(999_999))).isEmpty();
    }

    @Test
    @DisplayName("seed 000 §4.3: complaints received before the configured start get no register; unset, all do")
    void complaintsBeforeTheConfiguredStartGetNoRegister() {
        var from = new ComplaintProperties(MONDAY_10);

        assertThat(from.opensRegisterFor(MONDAY_10.minusSeconds(1))).isFalse();
        assertThat(from.opensRegisterFor(MONDAY_10)).isTrue();
        assertThat(new ComplaintProperties(null).opensRegisterFor(Instant.EPOCH)).isTrue();
    }

    @Test
    @DisplayName("an open register has its place in the mall's set by receipt; concluded or withdrawn, it leaves")
    void anOpenRegisterIsInItsMallsSetUntilClosed() {
        var register = aComplaint().answered().build().keepPlaceInOpenSet();
        String place = WorkingSetKey.of("M001", MONDAY_10, "req-1");

        assertThat(register.openKey()).isEqualTo(place).isEqualTo(register.placeInOpenSet());
        register.conclude("alice", "已處理", MONDAY_10.plusSeconds(3600));
        assertThat(register.keepPlaceInOpenSet().openKey()).isNull();

        var withdrawn = aComplaint().build().keepPlaceInOpenSet();
        assertThat(withdrawn.openKey()).isEqualTo(place);
        withdrawn.withdraw("CANCELLED", MONDAY_10.plusSeconds(900));
        assertThat(withdrawn.keepPlaceInOpenSet().openKey()).isNull();
    }
}
