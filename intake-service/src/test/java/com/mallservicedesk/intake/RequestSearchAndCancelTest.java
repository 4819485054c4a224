package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestSearchAndCancelTest extends IntakeIntegrationTest {

    @Test
    void theLogFiltersByStatusKindChannelDateAndFreeTextPagedAndSorted() {
        String mall = newMall();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        register(mall, Map.of("channel", "PHONE", "kind", "REPAIR", "description", "中庭噴泉不出水", "anonymous", true,
                "receivedAt", now.minus(3, ChronoUnit.DAYS).toString()));
        register(mall, Map.of("channel", "VISIT", "kind", "COMPLAINT", "description", "停車場收費員態度差", "anonymous", true,
                "receivedAt", now.minus(2, ChronoUnit.DAYS).toString()));
        register(mall, Map.of("channel", "PHONE", "kind", "COMPLAINT", "description", "電梯太擠 (.*) [regex?]", "anonymous", true,
                "receivedAt", now.minus(1, ChronoUnit.DAYS).toString()));
        register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "B2 照明故障"));
        var token = TestTokens.frontDesk(mall);

        assertThat(page(token, "/api/v1/malls/{mall}/requests?kind=COMPLAINT", mall)).extracting("total").isEqualTo(2);
        assertThat(page(token, "/api/v1/malls/{mall}/requests?channel=PHONE&kind=COMPLAINT", mall)).extracting("total")
                .isEqualTo(1);
        assertThat(descriptions(page(token, "/api/v1/malls/{mall}/requests?q=態度", mall))).containsExactly("停車場收費員態度差");
        // Free text is literal: regex characters match themselves only.
        assertThat(descriptions(page(token, "/api/v1/malls/{mall}/requests?q=(.*)", mall)))
                .containsExactly("電梯太擠 (.*) [regex?]");
        assertThat(descriptions(page(token, "/api/v1/malls/{mall}/requests?from={from}&to={to}&sort=receivedAt,asc", mall,
                now.minus(4, ChronoUnit.DAYS), now.minus(12, ChronoUnit.HOURS))))
                .containsExactly("中庭噴泉不出水", "停車場收費員態度差", "電梯太擠 (.*) [regex?]");
        var firstPage = page(token, "/api/v1/malls/{mall}/requests?size=3&sort=receivedAt,desc", mall);
        var secondPage = page(token, "/api/v1/malls/{mall}/requests?size=3&page=1&sort=receivedAt,desc", mall);
        assertThat(firstPage.get("total")).isEqualTo(4);
        assertThat(descriptions(firstPage)).hasSize(3).first().isEqualTo("B2 照明故障");
        assertThat(descriptions(secondPage)).containsExactly("中庭噴泉不出水");
        assertThat(page(token, "/api/v1/malls/{mall}/requests?status=REGISTERED", mall)).extracting("total").isEqualTo(4);

        get(token, "/api/v1/malls/{mall}/requests?sort=description,asc&size=0", mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("sort", "size"));
        get(token, "/api/v1/malls/{mall}/requests?status=LOST", mall).expectStatus().isBadRequest();
    }

    @Test
    void aCancelledRequestSaysWhyAndWhoAndCannotBeCancelledAgain() {
        String mall = newMall();
        String id = (String) repair(mall, "5F", "D", "13600000000").get("id");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests/{id}/cancel",
                    Map.of("reason", "顧客來電撤回"), mall, id)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("CANCELLED")
                    .jsonPath("$.cancelReason").isEqualTo("顧客來電撤回");

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.request.cancelled.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("顧客來電撤回").contains("supervisor-" + mall)));
        }
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "again"), mall, id)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("request-illegal-transition");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", " "), mall, id)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "x"), mall, "nope")
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("request-not-found");
    }

    @SuppressWarnings("unchecked")
    private static List<String> descriptions(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("description")).toList();
    }

    private Map<String, Object> page(String token, String uri, Object... vars) {
        return get(token, uri, vars).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }
}
