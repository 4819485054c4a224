package com.mallservicedesk.survey.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The supervisor's daily and weekly summaries of repairs, complaints and other requests (seed 002). */
class SupervisorSummaryTest extends SurveyIntegrationTest {

    private final String mall = newMall();
    private final SurveyEvents events = events(mall);

    private WebTestClient.BodyContentSpec get(String path) {
        return web.get().uri("/api/v1/malls/{mall}/reports/" + path, mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aDayAndAWeekOfRequestsSummarisedServedAndPublished() {
        // Monday 12 October and Tuesday 13 October 2026 (week 2026-W42) in Shanghai, and one on Sunday 11 October.
        String repair = events.request("REPAIR", "PHONE", "2026-10-12T02:00:00Z");
        String complaint = events.request("COMPLAINT", "WECHAT", "2026-10-12T03:00:00Z");
        String question = events.request("CONSULTATION", "VISIT", "2026-10-13T02:00:00Z");
        events.request("HELP", "PHONE", "2026-10-11T02:00:00Z");
        events.closed(question, "ANSWERED_ON_SPOT", "2026-10-13T02:01:00Z");
        events.workOrderCreated(repair, "REPAIR", "ENGINEERING", "2026-10-12T02:05:00Z");
        events.breached(repair, "ENGINEERING", "CONTACT", "2026-10-12T02:40:00Z");
        events.workOrderCreated(complaint, "COMPLAINT", "CUSTOMER_SERVICE", "2026-10-12T03:05:00Z");
        events.completed(complaint, "COMPLAINT", "CUSTOMER_SERVICE", "2026-10-12T03:05:00Z", Duration.ofHours(3));

        await().untilAsserted(() -> get("daily?date=2026-10-12")
                .jsonPath("$.period").isEqualTo("2026-10-12")
                .jsonPath("$.repairs.received").isEqualTo(1)
                .jsonPath("$.repairs.stillOpen").isEqualTo(1)
                .jsonPath("$.complaints.received").isEqualTo(1)
                .jsonPath("$.others.received").isEqualTo(0)
                .jsonPath("$.workOrdersCompleted").isEqualTo(1)
                .jsonPath("$.averageWorkMinutes").isEqualTo(180.0)
                .jsonPath("$.complaintsHandledOnTime").isEqualTo(1)
                .jsonPath("$.slaBreaches").isEqualTo(1)
                .jsonPath("$.slaBreachesByRule.CONTACT").isEqualTo(1)
                .jsonPath("$.openNow.overdueWorkOrders").isEqualTo(1));
        await().untilAsserted(() -> get("weekly?week=2026-W42")
                .jsonPath("$.from").isEqualTo("2026-10-12")
                .jsonPath("$.to").isEqualTo("2026-10-18")
                .jsonPath("$.repairs.received").isEqualTo(1)
                .jsonPath("$.complaints.received").isEqualTo(1)
                .jsonPath("$.others.received").isEqualTo(1)
                .jsonPath("$.others.answeredOnSpot").isEqualTo(1)
                .jsonPath("$.openNow.otherRequests").isEqualTo(1));
        get("weekly?week=2026-W41").jsonPath("$.others.received").isEqualTo(1);

        web.post().uri("/api/v1/malls/{mall}/reports/daily/2026-10-12/publish", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/malls/{mall}/reports/weekly/2026-W42/publish", mall)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectStatus().isOk();
        await().untilAsserted(() -> {
            assertThat(published(mall, "mall.survey.summary.daily.v1")).singleElement().satisfies(p -> {
                assertThat(p.data().get("date").asString()).isEqualTo("2026-10-12");
                assertThat(p.data().get("summary").get("repairs").get("received").asLong()).isEqualTo(1);
            });
            assertThat(published(mall, "mall.survey.summary.weekly.v1")).singleElement().satisfies(p ->
                    assertThat(p.data().get("summary").get("others").get("received").asLong()).isEqualTo(1));
        });
    }

    @Test
    void summariesAreForTheMallsSupervisorsAndManagersOnly() {
        web.get().uri("/api/v1/malls/{mall}/reports/daily", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/reports/weekly", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(newMall()))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/reports/weekly?week=W42", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("week-invalid");
        get("daily").jsonPath("$.repairs.received").isEqualTo(0);
    }
}
