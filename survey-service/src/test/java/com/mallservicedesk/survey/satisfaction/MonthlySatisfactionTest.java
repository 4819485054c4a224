package com.mallservicedesk.survey.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class MonthlySatisfactionTest extends SurveyIntegrationTest {

    private final String mall = newMall();

    @Test
    void answersAreCountedOncePerCallbackInTheMallsLocalMonthWithTheRespondentFormula() {
        answer(true, "2026-10-15T02:00:00Z");
        PendingEvent twice = answer(true, "2026-10-20T02:00:00Z");
        TestEvents.resend(kafka, twice);
        answer(false, "2026-10-31T17:30:00Z"); // 01:30 on 1 November in Shanghai: counts for November
        answer(false, "2026-10-25T02:00:00Z");
        answer(true, "2026-10-26T02:00:00Z");

        // Three respondents satisfied with 3 of 3 aspects, one with 2 of 3: (1 + 1 + 1 + 0.667) / 4 = 91.7 %.
        // The share of callbacks with every aspect satisfied is 3 of 4 = 75 %, under its own name.
        await().untilAsserted(() -> october()
                .jsonPath("$.callbacks").isEqualTo(4)
                .jsonPath("$.satisfied").isEqualTo(3)
                .jsonPath("$.satisfactionRate").isEqualTo(91.7)
                .jsonPath("$.allAspectsSatisfiedRate").isEqualTo(75.0)
                .jsonPath("$.aspects.quality").isEqualTo(75.0)
                .jsonPath("$.aspects.timeliness").isEqualTo(100.0));
        web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-11", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.callbacks").isEqualTo(1).jsonPath("$.satisfactionRate").isEqualTo(66.7)
                .jsonPath("$.allAspectsSatisfiedRate").isEqualTo(0.0);
        web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-10&department=ENGINEERING", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.callbacks").isEqualTo(4);
        assertThat(prometheus())
                .contains("msd_survey_callback_answers_total{application=\"survey-service\",mall=\"" + mall + "\",satisfied=\"true\"} 3.0")
                .contains("msd_survey_callback_answers_total{application=\"survey-service\",mall=\"" + mall + "\",satisfied=\"false\"} 2.0");
    }

    @Test
    void aMonthWithoutAnswersHasNoRateAndOtherMallsSeeNothing() {
        answer(true, "2026-09-10T02:00:00Z");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-09", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectBody().jsonPath("$.callbacks").isEqualTo(1));

        web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-09", "OTHER")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor("OTHER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.callbacks").isEqualTo(0).jsonPath("$.satisfactionRate").doesNotExist();
        web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-09", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor("OTHER")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/satisfaction?month=September", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isBadRequest();
    }

    private WebTestClient.BodyContentSpec october() {
        return web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody();
    }

    private PendingEvent answer(boolean satisfied, String completedAt) {
        String callbackId = "cb-" + UUID.randomUUID();
        String data = """
                {"callbackId":"%s","requestId":"r-%s","workOrderId":"wo-1","kind":"REPAIR","department":"ENGINEERING",
                 "method":"PHONE","timeliness":"SATISFIED","attitude":"SATISFIED","quality":"%s","satisfied":%s,
                 "completedAt":"%s"}
                """.formatted(callbackId, callbackId, satisfied ? "SATISFIED" : "DISSATISFIED", satisfied, completedAt);
        return TestEvents.send(kafka, "callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, callbackId,
                "r-" + callbackId, data);
    }
}
