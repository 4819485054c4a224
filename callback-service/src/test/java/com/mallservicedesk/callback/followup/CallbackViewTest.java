package com.mallservicedesk.callback.followup;

import static com.mallservicedesk.callback.followup.CallbackMother.COMPLETED;
import static com.mallservicedesk.callback.followup.CallbackMother.CUSTOMER;
import static com.mallservicedesk.callback.followup.CallbackMother.forWork;
import static com.mallservicedesk.callback.followup.CallbackMother.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a callback shows to whom (the kit's one contact-disclosure rule) and how much of its history. */
class CallbackViewTest {

    private static PlatformUser user(Role role, String department) {
        return new PlatformUser("u-" + role, "u", Set.of("M001"), Set.of(role), department);
    }

    private static String phoneSeenBy(PlatformUser user) {
        return CallbackView.of(CallbackMother.repair(), user).contacts().get(0).phone();
    }

    @Test
    void onlyTheFrontDeskAndTheHandlingDepartmentSeeTheNumberInFull() {
        // The work order was handled by ENGINEERING (CallbackMother).
        assertThat(phoneSeenBy(user(Role.FRONT_DESK, null))).isEqualTo("13900000000");
        assertThat(phoneSeenBy(user(Role.DEPT_STAFF, "ENGINEERING"))).isEqualTo("13900000000");
        assertThat(phoneSeenBy(user(Role.DEPT_STAFF, "SECURITY"))).isEqualTo("139****0000");
        assertThat(phoneSeenBy(user(Role.SUPERVISOR, null))).isEqualTo("139****0000");
        assertThat(phoneSeenBy(user(Role.MANAGER, null))).isEqualTo("139****0000");
        assertThat(phoneSeenBy(user(Role.PLATFORM_ADMIN, null))).isEqualTo("139****0000");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a number typed into the work summary is masked wherever the phone field is (seed 001 篇3 §8)")
    void numbersInTheWorkSummaryFollowTheSameRule() {
        var work = new CompletedWorkOrder("wo-R2", "R2", "M001-20261125-0002", "REPAIR", "ENGINEERING",
                "換閥芯，顧客另留電話 13712345678", COMPLETED, CUSTOMER, java.util.List.of(), 1);
        Callback callback = forWork(work, null, null);
        assertThat(CallbackView.of(callback, user(Role.DEPT_STAFF, "ENGINEERING")).workSummary())
                .isEqualTo("換閥芯，顧客另留電話 13712345678");
        assertThat(CallbackView.of(callback, user(Role.SUPERVISOR, null)).workSummary())
                .isEqualTo("換閥芯，顧客另留電話 137****5678");
    }

    @Test
    void aViewShowsTheLatestRoundsOfALongChainAndHowManyThereAre() {
        Callback previous = null;
        for (int round = 1; round <= 30; round++) {
            previous = forWork(work("REPAIR", round, CUSTOMER), null, previous);
        }
        CallbackView view = CallbackView.of(previous, user(Role.FRONT_DESK, null));

        assertThat(view.roundCount()).isEqualTo(30);
        assertThat(view.rounds()).hasSize(CallbackView.MAX_ROUNDS_SHOWN);
        assertThat(view.rounds().get(view.rounds().size() - 1).round()).isEqualTo(30);
        assertThat(view.rounds().get(0).round()).isEqualTo(30 - CallbackView.MAX_ROUNDS_SHOWN + 1);
    }

    @Test
    void aCallbackKeepsABoundedNumberOfAttempts() {
        Callback callback = CallbackMother.repair();
        var reached = new RecordAttempt(CallbackMethod.PHONE, AttemptOutcome.REACHED, "稍後再談", null);
        var now = COMPLETED.plus(Duration.ofHours(1));
        for (int i = 0; i < Callback.MAX_ATTEMPTS; i++) {
            callback.attempt(reached, "desk", now);
        }

        assertThatThrownBy(() -> callback.attempt(reached, "desk", now))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("callback-attempts-exhausted");
                    assertThat(e.status().value()).isEqualTo(422);
                });
        assertThat(callback.getAttempts()).hasSize(Callback.MAX_ATTEMPTS);
    }
}
