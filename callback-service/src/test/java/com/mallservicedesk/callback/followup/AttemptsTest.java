package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AttemptsTest extends CallbackIntegrationTest {

    private final String mall = newMall();

    private String callbackCompletedDaysAgo(int days) {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant().minus(Duration.ofDays(days)));
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);
        return id;
    }

    private static Map<String, Object> unreachableAt(Instant at) {
        return Map.of("method", "PHONE", "outcome", "UNREACHABLE", "note", "無人接聽", "attemptedAt", at.toString());
    }

    @Test
    void threeUnreachableDaysEndTheCallbackUnreachableNotDoneAndTheSupervisorIsTold() {
        String id = callbackCompletedDaysAgo(4);
        Instant now = clock.instant();
        // Mid-morning in the mall's zone, so that an hour later is the same day whatever time the test runs at.
        Instant threeDaysAgo = now.atZone(SHANGHAI).minusDays(3).toLocalDate().atTime(10, 0).atZone(SHANGHAI).toInstant();
        attempt(mall, id, unreachableAt(threeDaysAgo)).expectStatus().isCreated()
                .expectBody().jsonPath("$.unreachableDays").isEqualTo(1).jsonPath("$.attempts.length()").isEqualTo(1);
        // A second try the same day is recorded but is not another day.
        attempt(mall, id, unreachableAt(threeDaysAgo.plus(Duration.ofHours(1)))).expectStatus().isCreated()
                .expectBody().jsonPath("$.unreachableDays").isEqualTo(1);
        attempt(mall, id, unreachableAt(threeDaysAgo.plus(Duration.ofDays(1)))).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").value(status -> assertThat(status).isIn("DUE", "OVERDUE"));
        attempt(mall, id, Map.of("method", "WECHAT", "outcome", "UNREACHABLE")).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UNREACHABLE")
                .jsonPath("$.unreachableDays").isEqualTo(3)
                .jsonPath("$.attempts[3].method").isEqualTo("WECHAT")
                .jsonPath("$.attempts[3].by").isEqualTo("front-desk-" + mall);

        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.callback.callback.attempted.v1")).hasSize(4);
            assertThat(publishedAbout(id, "mall.callback.callback.unreachable.v1")).singleElement().satisfies(e -> {
                assertThat(e.data().get("toRole").asString()).isEqualTo("SUPERVISOR");
                assertThat(e.data().get("unreachableDays").asInt()).isEqualTo(3);
                assertThat(e.data().get("department").asString()).isEqualTo("ENGINEERING");
            });
            assertThat(prometheus()).contains("msd_callback_unreachable_total{application=\"callback-service\",mall=\"" + mall + "\"} 1.0")
                    .contains("msd_callback_attempts_total{application=\"callback-service\",mall=\"" + mall + "\",outcome=\"UNREACHABLE\"} 4.0");
        });
        String month = java.time.YearMonth.from(now.minus(Duration.ofDays(4)).atZone(SHANGHAI)).toString();
        web.get().uri("/api/v1/malls/{mall}/callbacks/stats?month={month}", mall, month)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.figures.completionsNeedingCallback").isEqualTo(1)
                .jsonPath("$.figures.callbacksDone").isEqualTo(0)
                .jsonPath("$.figures.unreachable").isEqualTo(1)
                .jsonPath("$.figures.callbackRate").isEqualTo(0.0);

        attempt(mall, id, Map.of("method", "PHONE", "outcome", "REACHED")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("callback-closed");
        answer(mall, id, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isEqualTo(409);
    }

    @Test
    void aMallMayGiveUpAfterFewerDaysAndADeclineEndsTheCallbackAsDone() {
        web.put().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("timing", "NEXT_DAY", "maxUnreachableAttempts", 1))
                .exchange().expectStatus().isOk();
        String once = callbackCompletedDaysAgo(1);
        attempt(mall, once, Map.of("method", "PHONE", "outcome", "UNREACHABLE")).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("UNREACHABLE").jsonPath("$.maxUnreachableAttempts").isEqualTo(1);

        String declined = callbackCompletedDaysAgo(1);
        attempt(mall, declined, Map.of("method", "VISIT", "outcome", "REFUSED", "note", "店長不願作答")).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("REFUSED").jsonPath("$.completedAt").exists();
    }

    @Test
    void aRetriedAttemptWithTheSameIdempotencyKeyIsRecordedOnce() {
        String id = callbackCompletedDaysAgo(1);
        var body = Map.of("method", "PHONE", "outcome", "UNREACHABLE", "note", "忙線");
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/attempts", mall, id)
                    .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                    .header("Idempotency-Key", "attempt-" + id)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isCreated()
                    .expectBody().jsonPath("$.attempts.length()").isEqualTo(1);
        }
        assertThat(callback(mall, id).get("attempts")).asList().hasSize(1);
    }

    @Test
    void badAttemptsAreRefusedWithProblemDetails() {
        String id = callbackCompletedDaysAgo(1);
        attempt(mall, id, Map.of("method", "PHONE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("outcome");
        attempt(mall, id, Map.of("method", "PIGEON", "outcome", "UNREACHABLE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-field").jsonPath("$.errors[0].field").isEqualTo("method");
        attempt(mall, id, unreachableAt(clock.instant().plus(Duration.ofHours(3)))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("attempt-time-invalid")
                .jsonPath("$.errors[0].field").isEqualTo("attemptedAt");
        attempt(mall, id, unreachableAt(clock.instant().minus(Duration.ofDays(3)))).expectStatus().isEqualTo(422);
        web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/attempts", mall, "cb-unknown")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("method", "PHONE", "outcome", "REACHED"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("callback-not-found").jsonPath("$.title").isEqualTo("Callback not found");
        assertThat(callback(mall, id).get("attempts")).asList().isEmpty();
    }
}
