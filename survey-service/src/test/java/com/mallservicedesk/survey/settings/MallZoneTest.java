package com.mallservicedesk.survey.settings;

import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The mall's time zone from intake's mall settings (contract C1) sets survey's days and survey periods. */
class MallZoneTest extends SurveyIntegrationTest {

    private final String mall = newMall();
    private final SurveyEvents events = events(mall);

    private void inUtc() {
        events.mallSettings(1, "UTC");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/report-settings", mall)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectBody().jsonPath("$.zone").isEqualTo("UTC"));
    }

    @Test
    @DisplayName("seed 002 (daily summary), contract C1: a day's figures are the mall's own day in its zone")
    void dailyFiguresCountInTheMallsZone() {
        inUtc();
        // 17:30 UTC on 31 October is 1 November in Shanghai, still 31 October in this mall.
        events.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/reports/daily?date=2026-10-31", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.repairs.received").isEqualTo(1));
        web.get().uri("/api/v1/malls/{mall}/reports/daily?date=2026-11-01", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.repairs.received").isEqualTo(0);
    }

    @Test
    @DisplayName("seed 000 §顧客滿意度調查規程 4.1, contract C1: a half-year survey period runs from midnight to midnight in the mall's zone")
    void surveyPeriodsRunInTheMallsZone() {
        inUtc();
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("period", "2026-H2", "sampleSize", 0))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.closesAt").isEqualTo("2027-01-01T00:00:00Z");
    }
}
