package com.mallservicedesk.intake.request;

import static com.mallservicedesk.intake.request.ARegistration.T0;
import static com.mallservicedesk.intake.request.ARegistration.aPhoneCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.intake.request.RequestEvents.ConsultationReplyMissed;
import com.mallservicedesk.intake.request.RequestEvents.ConsultationReviewed;
import com.mallservicedesk.intake.request.RequestEvents.SuggestionEvaluated;
import com.mallservicedesk.intake.request.RequestEvents.SuggestionEvaluationMissed;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Consultations and suggestions after registration (seed 003), without Spring, a broker or a store. */
class FollowUpRulesTest {

    /** T0 is Monday 2026-11-23 10:00 in Shanghai; the desk closes at 21:00 (13:00 UTC). */
    static final Instant TUESDAY_CLOSE = Instant.parse("2026-11-24T13:00:00Z");

    @Test
    @DisplayName("seed 003 客戶咨詢受理流程: a consultation not answered on the spot is due within 1 working day")
    void aConsultationNotAnsweredOnTheSpotIsDueTheNextWorkingDay() {
        ServiceRequest consultation = aPhoneCall().about(RequestKind.CONSULTATION).register().aggregate();

        assertThat(consultation.getReplyClock().dueAt()).isEqualTo(TUESDAY_CLOSE);
        assertThat(consultation.getTimerOutbox()).extracting(PendingTimer::timerId)
                .containsExactly("follow-up:req-1:CONSULTATION_REPLY");
        assertThat(consultation.getEvaluationClock()).isNull();
    }

    @Test
    @DisplayName("seed 003 客戶咨詢受理流程: a consultation answered on the spot owes no reply, but its answer can be reviewed")
    void aConsultationAnsweredOnTheSpotOwesNoReply() {
        ServiceRequest consultation = aPhoneCall().about(RequestKind.CONSULTATION).answeredOnSpot("晚上十點")
                .register().aggregate();

        assertThat(consultation.getReplyClock()).isNull();
        assertThat(consultation.getTimerOutbox()).isEmpty();
        assertThat(consultation.getAnsweredAt()).isEqualTo(T0);
        assertThat(consultation.reviewAnswer(true, null, "sam", T0.plusSeconds(60))).singleElement()
                .isInstanceOfSatisfying(ConsultationReviewed.class, reviewed -> {
                    assertThat(reviewed.correct()).isTrue();
                    assertThat(reviewed.answeredAt()).isEqualTo(T0);
                    assertThat(reviewed.reviewedBy()).isEqualTo("sam");
                });
    }

    @Test
    @DisplayName("seed 003 §監控指標: the answer stops the reply clock; the supervisor reviews it once (C6)")
    void theAnswerStopsTheClockAndIsReviewedOnce() {
        ServiceRequest consultation = aPhoneCall().about(RequestKind.CONSULTATION).register().aggregate();
        consultation.getTimerOutbox().clear();
        assertThatThrownBy(() -> consultation.reviewAnswer(true, null, "sam", T0.plusSeconds(30)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("request-not-answered"));

        consultation.answer("停車場營業到23:00", "alice", T0.plusSeconds(3600));

        assertThat(consultation.getReplyClock().doneAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(consultation.getTimerOutbox()).singleElement().satisfies(t -> assertThat(t.cancels()).isTrue());
        assertThat(consultation.markFollowUpMissed(FollowUpClock.Kind.CONSULTATION_REPLY, TUESDAY_CLOSE)).isEmpty();
        assertThat(consultation.reviewAnswer(false, "營業時間說錯", "sam", T0.plusSeconds(7200))).singleElement()
                .isInstanceOfSatisfying(ConsultationReviewed.class, reviewed -> {
                    assertThat(reviewed.correct()).isFalse();
                    assertThat(reviewed.answeredAt()).isEqualTo(T0.plusSeconds(3600));
                    assertThat(reviewed.reviewedAt()).isEqualTo(T0.plusSeconds(7200));
                });
        assertThatThrownBy(() -> consultation.reviewAnswer(true, null, "sam", T0.plusSeconds(7300)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("request-follow-up-recorded"));
        assertThatThrownBy(() -> consultation.answer("again", "alice", T0.plusSeconds(7400)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("seed 003: a reply not given within its working day is recorded as missed once")
    void aMissedReplyIsRecordedOnce() {
        ServiceRequest consultation = aPhoneCall().about(RequestKind.CONSULTATION).register().aggregate();

        assertThat(consultation.markFollowUpMissed(FollowUpClock.Kind.CONSULTATION_REPLY, TUESDAY_CLOSE))
                .singleElement().isInstanceOfSatisfying(ConsultationReplyMissed.class,
                        missed -> assertThat(missed.dueAt()).isEqualTo(TUESDAY_CLOSE));
        assertThat(consultation.markFollowUpMissed(FollowUpClock.Kind.CONSULTATION_REPLY, TUESDAY_CLOSE)).isEmpty();
        assertThat(consultation.getTimeline()).extracting(TimelineEntry::type).contains("REPLY_OVERDUE");
    }

    @Test
    @DisplayName("seed 003 §3: a suggestion is evaluated within 5 working days, adopted or not with a note")
    void aSuggestionIsEvaluatedWithinFiveWorkingDays() {
        ServiceRequest suggestion = aPhoneCall().about(RequestKind.SUGGESTION).register().aggregate();
        assertThat(suggestion.getEvaluationClock().dueAt()).isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        suggestion.getTimerOutbox().clear();

        assertThat(suggestion.evaluate(true, "下月起增設母嬰室指示牌", "mia", T0.plusSeconds(86_400))).singleElement()
                .isInstanceOfSatisfying(SuggestionEvaluated.class, evaluated -> {
                    assertThat(evaluated.adopted()).isTrue();
                    assertThat(evaluated.evaluatedBy()).isEqualTo("mia");
                });
        assertThat(suggestion.getTimerOutbox()).singleElement().satisfies(t -> assertThat(t.cancels()).isTrue());
        assertThat(suggestion.markFollowUpMissed(FollowUpClock.Kind.SUGGESTION_EVALUATION,
                Instant.parse("2026-11-28T13:00:01Z"))).isEmpty();
        assertThatThrownBy(() -> suggestion.evaluate(false, "x", "mia", T0.plusSeconds(90_000)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("seed 003 §3: a suggestion not evaluated in time is recorded as missed; a cancelled one never is")
    void aMissedEvaluationIsRecordedUnlessCancelled() {
        ServiceRequest suggestion = aPhoneCall().about(RequestKind.SUGGESTION).register().aggregate();
        assertThat(suggestion.markFollowUpMissed(FollowUpClock.Kind.SUGGESTION_EVALUATION, T0.plusSeconds(999_999)))
                .singleElement().isInstanceOf(SuggestionEvaluationMissed.class);

        ServiceRequest cancelled = aPhoneCall().about(RequestKind.SUGGESTION).register().aggregate();
        cancelled.getTimerOutbox().clear();
        cancelled.cancel("顧客撤回", "alice", T0.plusSeconds(60));
        assertThat(cancelled.getTimerOutbox()).singleElement().satisfies(t -> assertThat(t.cancels()).isTrue());
        assertThat(cancelled.markFollowUpMissed(FollowUpClock.Kind.SUGGESTION_EVALUATION, T0.plusSeconds(999_999)))
                .isEmpty();
    }

    @Test
    @DisplayName("seed 003: only consultations are answered and reviewed, only suggestions evaluated")
    void followUpsBelongToTheirKinds() {
        ServiceRequest repair = aPhoneCall().register().aggregate();

        assertThat(repair.getTimerOutbox()).isEmpty();
        assertThatThrownBy(() -> repair.answer("x", "alice", T0)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("request-wrong-kind"));
        assertThatThrownBy(() -> repair.evaluate(true, "x", "mia", T0)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("request-wrong-kind"));
    }
}
