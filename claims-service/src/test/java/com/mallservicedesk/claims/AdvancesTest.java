package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Advances of treatment costs: paid within the cap, above it only with the property manager's approval. */
class AdvancesTest extends ClaimsIntegrationTest {

    private final String mall = newMall();

    @Test
    void advancesArePaidUpToTheCapAndAboveItOnlyWithTheManagersApproval() {
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            String id = (String) register(mall, slipFacts()).get("id");

            var first = body(advance(id, "1200.10", "急诊费").expectStatus().isCreated());
            assertThat(first).containsEntry("status", "PAID").containsEntry("paidTo", "市第一人民医院");
            assertThat(new BigDecimal(first.get("amountCny").toString())).isEqualByComparingTo("1200.10");
            // Exactly up to the cap (default 2,000 CNY) is still within it: decimals are exact.
            advance(id, "799.90", "拍片费").expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("PAID");

            var over = body(advance(id, "0.01", "药费").expectStatus().isEqualTo(422));
            assertThat(over).containsEntry("code", "advance-over-cap").containsEntry("totalAdvancedCny", "2000.00")
                    .containsKey("advanceId");
            String advanceId = (String) over.get("advanceId");
            // In English too, with the amounts filled in (an apostrophe in a message pattern must not swallow them).
            web.post().uri("/api/v1/malls/{mall}/claims/{id}/advances", mall, id)
                    .headers(h -> {
                        h.setBearerAuth(frontDesk(mall));
                        h.add("Accept-Language", "en");
                    })
                    .bodyValue(Map.of("amountCny", "0.01", "purpose", "药费", "paidTo", "市第一人民医院"))
                    .exchange().expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                            .contains("the mall's cap (already advanced: 2000.00 CNY)").contains("manager's approval"));
            // Asked again while it waits: the same advance, not a second one.
            assertThat(body(advance(id, "0.01", "药费").expectStatus().isEqualTo(422))).containsEntry("advanceId", advanceId);

            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/advances/{a}/approve",
                    Map.of("reason", "伤者家属无力支付"), mall, id, advanceId).expectStatus().isForbidden();
            post(manager(mall), "/api/v1/malls/{mall}/claims/{id}/advances/{a}/approve", Map.of("reason", ""), mall, id,
                    advanceId).expectStatus().isBadRequest();
            post(manager(mall), "/api/v1/malls/{mall}/claims/{id}/advances/{a}/approve",
                    Map.of("reason", "伤者家属无力支付,经理批准"), mall, id, advanceId)
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED")
                    .jsonPath("$.approvedBy").isEqualTo("manager-" + mall);
            post(manager(mall), "/api/v1/malls/{mall}/claims/{id}/advances/{a}/approve", Map.of("reason", "again"), mall,
                    id, advanceId).expectStatus().isEqualTo(409);
            post(manager(mall), "/api/v1/malls/{mall}/claims/{id}/advances/{a}/approve", Map.of("reason", "x"), mall,
                    id, "adv-nope").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("advance-not-found");
            assertThat(new BigDecimal(claim(mall, id).get("totalAdvancedCny").toString())).isEqualByComparingTo("2000.01");

            await().atMost(shortly()).untilAsserted(() -> {
                var records = probe.records();
                assertThat(ofType(records, id, "mall.claims.advance.paid.v1")).hasSize(2).last()
                        .satisfies(r -> assertThat(r.value()).contains("\"amountCny\":\"799.90\"")
                                .contains("\"totalAdvancedCny\":\"2000.00\""));
                assertThat(ofType(records, id, "mall.claims.advance.approved.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"advanceId\":\"" + advanceId + "\"")
                                .contains("\"amountCny\":\"0.01\"").contains("\"totalAdvancedCny\":\"2000.01\"")
                                .contains("\"approvedBy\":\"manager-" + mall + "\""));
            });
            String metrics = ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(metrics)
                    .contains("msd_claims_advances_total{application=\"claims-service\",mall=\"" + mall + "\",status=\"PAID\"} 2.0")
                    .contains("msd_claims_advances_total{application=\"claims-service\",mall=\"" + mall + "\",status=\"APPROVED\"} 1.0");
        }
    }

    @Test
    void eachMallSetsItsOwnCap() {
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy", Map.of("insurer", "某保险公司", "policyNumber", "P-1",
                "advanceCapCny", "500"), mall).expectStatus().isOk();
        String id = (String) register(mall, slipFacts()).get("id");
        advance(id, "500.01", "急诊费").expectStatus().isEqualTo(422);
        advance(id, "500", "急诊费").expectStatus().isCreated();
    }

    @Test
    void amountsMustBePositiveExactDecimals() {
        String id = (String) register(mall, slipFacts()).get("id");
        advance(id, "-10", "急诊费").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("amountCny")
                .jsonPath("$.errors[0].code").isEqualTo("DecimalMin");
        advance(id, "0", "急诊费").expectStatus().isBadRequest();
        advance(id, "10.005", "急诊费").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("Digits");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/advances", Map.of("amountCny", "ten", "purpose", "x",
                "paidTo", "y"), mall, id).expectStatus().isBadRequest();
        web.post().uri("/api/v1/malls/{mall}/claims/{id}/costs", mall, id)
                .headers(h -> {
                    h.setBearerAuth(frontDesk(mall));
                    h.add("Accept-Language", "en");
                })
                .bodyValue(Map.of("kind", "医药费", "amountCny", "-1"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec advance(String id, String amount,
                                                                                          String purpose) {
        return post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/advances",
                Map.of("amountCny", amount, "purpose", purpose, "paidTo", "市第一人民医院"), mall, id);
    }
}
