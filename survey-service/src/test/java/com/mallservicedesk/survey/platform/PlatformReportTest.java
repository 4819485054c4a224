package com.mallservicedesk.survey.platform;

import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mall side by side, for platform operators only. */
class PlatformReportTest extends SurveyIntegrationTest {

    @Test
    void platformAdminsSeeEveryMallSideBySideAndNobodyElseDoes() {
        String first = newMall();
        String second = newMall();
        events(first).request("REPAIR", "PHONE", "2026-09-10T02:00:00Z");
        events(first).request("COMPLAINT", "PHONE", "2026-09-11T02:00:00Z");
        events(second).request("REPAIR", "WECHAT", "2026-09-12T02:00:00Z");
        events(second).callbackStats("2026-09", null, 20, 18, 0.9, 0.95);

        // Up to 200 malls a page: every mall this test run creates fits on the first.
        await().untilAsserted(() -> web.get().uri("/api/v1/platform/reports/monthly?month=2026-09&size=200")
                .headers(h -> h.setBearerAuth(TestTokens.platformAdmin())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.month").isEqualTo("2026-09")
                .jsonPath("$.items[?(@.mallId=='" + first + "')].requests").isEqualTo(2)
                .jsonPath("$.items[?(@.mallId=='" + first + "')].complaints").isEqualTo(1)
                .jsonPath("$.items[?(@.mallId=='" + second + "')].requests").isEqualTo(1)
                .jsonPath("$.items[?(@.mallId=='" + second + "')].callbackRate").isEqualTo(90.0)
                .jsonPath("$.items[?(@.mallId=='" + second + "')].callbackRateMet").isEqualTo(false));

        web.get().uri("/api/v1/platform/reports/monthly?month=2026-09")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(first))).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
        web.get().uri("/api/v1/platform/reports/monthly?month=2026-09")
                .headers(h -> h.setBearerAuth(TestTokens.token("boss", List.of("*"), List.of("MANAGER"), null)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/platform/reports/monthly?month=2026-09")
                .headers(h -> h.setBearerAuth(TestTokens.token("operator-of-one", List.of(first), List.of("PLATFORM_ADMIN"), null)))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("platform-report-needs-every-mall");
        web.get().uri("/api/v1/platform/reports/monthly?month=2026-09").exchange().expectStatus().isUnauthorized();
    }
}
