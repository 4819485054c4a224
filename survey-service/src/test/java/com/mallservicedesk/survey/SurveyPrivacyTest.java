package com.mallservicedesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Survey shows no one's phone number, in full or masked, to anyone: its copy of the tenant directory keeps no contacts
 * (intake's tenant events carry them; survey's trimmed copy ignores them), and requests' customers are only counted.
 */
class SurveyPrivacyTest extends SurveyIntegrationTest {

    private final String mall = newMall();

    @Test
    void campaignsResultsAndReportsHoldNoPhoneNumbersForAnyRole() {
        for (String tenant : List.of("A1", "C1")) {
            send("intake.tenants.v1", "mall.intake.tenant.registered.v1", mall, tenant, tenant, map("tenantId", tenant,
                    "name", "店" + tenant, "kind", tenant.startsWith("A") ? "ANCHOR_STORE" : "COUNTER", "floor", "1F",
                    "active", true, "contact", Map.of("name", "店长", "phone", "13812345678")));
        }
        events(mall).request("REPAIR", "PHONE", "2026-11-10T02:00:00Z");
        await().untilAsserted(() -> assertThat(web.post().uri("/api/v1/malls/{mall}/surveys", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("period", "2026-H2", "sampleSize", 1, "typicalTenants", List.of("C1")))
                .exchange().returnResult(String.class).getStatus().value()).isIn(201, 409));
        String id = "sv-" + mall + "-2026-H2";

        for (String token : List.of(TestTokens.frontDesk(mall), TestTokens.supervisor(mall), manager(mall))) {
            for (String path : List.of("/surveys/" + id, "/surveys", "/reports/monthly?month=2026-11")) {
                String body = web.get().uri("/api/v1/malls/" + mall + path).headers(h -> h.setBearerAuth(token))
                        .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                assertThat(body).as(path).doesNotContain("13812345678").doesNotContain("138****5678")
                        .doesNotContain("13800000000").doesNotContain("phone");
            }
        }
        String results = web.get().uri("/api/v1/malls/{mall}/surveys/{id}/results", mall, id)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(results).doesNotContain("13812345678").doesNotContain("phone");
        // Department staff read no campaign at all.
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "ENGINEERING"))).exchange().expectStatus().isForbidden();
    }
}
