package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole loop through the broker and the store, dispatch's side played by its events: unsatisfied → (dispatch
 * reopens on the completed event) → completed again → a new callback in the chain → unsatisfied again, the supervisor
 * is brought in → completed again → satisfied (seed 000 §4.8 跟蹤回訪、直至合格為止; seed 003 §2).
 */
class UntilSatisfiedTest extends CallbackIntegrationTest {

    private final String mall = newMall();

    @Test
    @org.junit.jupiter.api.DisplayName("seed 000 §4.8 跟蹤回訪、直至合格為止, seed 003 §2: called back after each correction; the second unsatisfied callback hands the case to the supervisor")
    void anUnsatisfiedCustomerIsCalledBackAfterEachCorrectionUntilSatisfied() {
        String requestId = UUID.randomUUID().toString();
        String workOrderId = "wo-" + requestId;
        Instant firstCompletion = clock.instant();
        completeWork(mall, requestId, "REPAIR", 1, firstCompletion);
        String first = callbackIdFor(requestId, 1);
        awaitCallback(mall, first);

        answer(mall, first, repairAnswers("SATISFIED", "SATISFIED", "DISSATISFIED")).expectStatus().isOk();
        // What dispatch's reopen reads: this callback, this work order, not satisfied.
        await().untilAsserted(() -> assertThat(publishedAbout(first, "mall.callback.callback.completed.v1")).singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("callbackId").asString()).isEqualTo(first);
                    assertThat(e.data().get("workOrderId").asString()).isEqualTo(workOrderId);
                    assertThat(e.data().get("satisfied").asBoolean()).isFalse();
                }));

        // Dispatch reopened the order; the department corrected it and returned it in round 2.
        completeWork(mall, requestId, "REPAIR", 2, clock.instant());
        String second = callbackIdFor(requestId, 2);
        var secondCallback = awaitCallback(mall, second);
        assertThat(secondCallback).containsEntry("round", 2).containsEntry("previousCallbackId", first);
        assertThat((List<Map<String, Object>>) secondCallback.get("rounds")).extracting(r -> r.get("callbackId"), r -> r.get("satisfied"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, false), org.assertj.core.groups.Tuple.tuple(second, null));
        await().untilAsserted(() -> assertThat(callback(mall, first)).containsEntry("nextCallbackId", second));

        answer(mall, second, repairAnswers("DISSATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalated").isEqualTo(true);
        await().untilAsserted(() -> assertThat(publishedAbout(second, "mall.callback.callback.escalated.v1")).singleElement()
                .satisfies(e -> {
                    assertThat(e.key()).isEqualTo(requestId);
                    assertThat(e.data().get("toRole").asString()).isEqualTo("SUPERVISOR");
                    assertThat(e.data().get("unsatisfiedRounds").asInt()).isEqualTo(2);
                    assertThat(e.data().get("workOrderId").asString()).isEqualTo(workOrderId);
                    assertThat(e.data().get("department").asString()).isEqualTo("ENGINEERING");
                    assertThat(e.data().get("supervisorAfterUnsatisfied").asInt()).isEqualTo(2);
                    assertThat(e.data().get("handover").asBoolean()).isTrue();
                    assertThat(e.data().get("requestNumber").asString()).isEqualTo(mall + "-20261120-0001");
                }));

        completeWork(mall, requestId, "REPAIR", 3, clock.instant());
        String third = callbackIdFor(requestId, 3);
        awaitCallback(mall, third);
        answer(mall, third, repairAnswers("SATISFIED", "VERY_SATISFIED", "BASICALLY_SATISFIED")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.satisfied").isEqualTo(true)
                .jsonPath("$.rounds.length()").isEqualTo(3)
                .jsonPath("$.rounds[0].satisfied").isEqualTo(false)
                .jsonPath("$.rounds[1].satisfied").isEqualTo(false)
                .jsonPath("$.rounds[2].satisfied").isEqualTo(true)
                .jsonPath("$.rounds[2].status").isEqualTo("COMPLETED");
        await().untilAsserted(() -> {
            assertThat(publishedAbout(third, "mall.callback.callback.completed.v1")).singleElement().satisfies(e -> {
                assertThat(e.data().get("satisfied").asBoolean()).isTrue();
                assertThat(e.data().get("round").asInt()).isEqualTo(3);
                assertThat(e.data().get("previousCallbackId").asString()).isEqualTo(second);
            });
            assertThat(publishedAbout(third, "mall.callback.callback.unsatisfied.v1")).isEmpty();
            assertThat(prometheus()).contains("msd_callback_escalations_total{application=\"callback-service\",mall=\"" + mall + "\"} 1.0");
            assertThat(prometheus()).contains("msd_callback_supervisor_handovers_total{application=\"callback-service\",mall=\"" + mall + "\"} 1.0");
        });

        // Each round's completion needed a callback and got one; one in three satisfied.
        String month = YearMonth.from(firstCompletion.atZone(SHANGHAI)).toString();
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/callbacks/stats?month={m}", mall, month)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.figures.completionsNeedingCallback").isEqualTo(3)
                .jsonPath("$.figures.callbacksDone").isEqualTo(3)
                .jsonPath("$.figures.callbackRate").isEqualTo(1.0)
                .jsonPath("$.figures.satisfied").isEqualTo(1)
                .jsonPath("$.figures.satisfactionRate").isEqualTo(0.3333)
                .jsonPath("$.figures.satisfactionRateMet").isEqualTo(false));
    }
}
