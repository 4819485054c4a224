package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report to the insurer (FNOL) through a real HTTP stub, including an outage, and the telephone report. */
class InsurerReportTest extends ClaimsIntegrationTest {

    private static final String CREDENTIAL = "insurer-api-token-s3cret";

    @Autowired
    CircuitBreakerRegistry breakers;

    private final String mall = newMall();

    @Test
    void aCompleteReportReachesTheInsurerAndItsReferenceIsStored() {
        try (InsurerStub insurer = new InsurerStub(); TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            usePolicy(insurer.url());
            String id = (String) register(mall, slipFacts()).get("id");

            var reported = body(report(id).expectStatus().isOk());
            assertThat((Map<String, Object>) reported.get("insurerReport")).containsEntry("state", "DELIVERED")
                    .containsEntry("insurerReference", "PZCG-1").containsEntry("attempts", 1);
            assertThat(insurer.accepted()).singleElement().satisfies(call -> {
                assertThat(call.authorization()).isEqualTo("Bearer " + CREDENTIAL);
                assertThat(call.idempotencyKey()).isEqualTo(id);
                assertThat(call.body()).contains("\"policyNumber\":\"PZCG200534011100000005\"")
                        .contains("\"place\":\"1F Atrium 中庭扶梯东侧\"").contains("\"name\":\"李梅\"")
                        .contains("\"employer\":\"某某科技公司\"").contains("\"estimatedLossCny\":\"3500.50\"")
                        .contains("\"date\"").contains("\"time\"")
                        // ID numbers stay with the mall.
                        .doesNotContain("110101199003071234");
            });
            @SuppressWarnings("unchecked")
            var notified = ((List<Map<String, Object>>) reported.get("checklist")).stream()
                    .filter(i -> "INSURER_NOTIFIED".equals(i.get("item"))).findFirst().orElseThrow();
            assertThat(notified).containsEntry("status", "DONE").containsEntry("note", "API");

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.claims.claim.reported-to-insurer.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"insurerReference\":\"PZCG-1\"")
                            .contains("\"channel\":\"API\"").contains("\"reportedAt\"")));
            report(id).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code")
                    .isEqualTo("insurer-report-already-delivered");
            assertThat(prometheus()).contains("msd_claims_fnol_latency_seconds_count{application=\"claims-service\","
                    + "channel=\"API\",mall=\"" + mall + "\"} 1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReportMissingWhatTheSeedRequiresIsRefusedWithTheMissingFields() {
        try (InsurerStub insurer = new InsurerStub()) {
            usePolicy(insurer.url());
            var facts = slipFacts();
            facts.put("parties", List.of());
            facts.put("injured", List.of());
            facts.remove("estimatedLossCny");
            String id = (String) register(mall, facts).get("id");

            report(id).expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.code").isEqualTo("insurer-report-incomplete")
                    .jsonPath("$.missingFields").value(f -> assertThat((List<Object>) f)
                            .containsExactly("parties", "injured", "estimatedLossCny"));
            assertThat(insurer.calls()).isEmpty();
        }
        String other = newMall();
        String id = (String) register(other, slipFacts()).get("id");
        // No policy at all: the policy number is missing too.
        post(frontDesk(other), "/api/v1/malls/{mall}/claims/{id}/insurer-report", Map.of(), other, id)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.missingFields[0]").isEqualTo("policyNumber");
    }

    @Test
    void whileTheInsurerIsDownTheReportIsKeptAndDeliveredOnceItIsBack() {
        try (InsurerStub insurer = new InsurerStub(); TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            usePolicy(insurer.url());
            String id = (String) register(mall, slipFacts()).get("id");
            insurer.answer(503);

            var answered = body(report(id).expectStatus().isOk());
            assertThat((Map<String, Object>) answered.get("insurerReport")).containsEntry("state", "FAILED")
                    .containsEntry("lastError", "insurer answered 503");

            // The durable retries keep trying, and the circuit breaker opens for this mall's insurer.
            await().atMost(shortly()).untilAsserted(() -> {
                assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
                assertThat(delivery(id).get("attempts")).isInstanceOf(Integer.class);
                assertThat((Integer) delivery(id).get("attempts")).isGreaterThanOrEqualTo(3);
                // Between two tries it rests as FAILED with its next try planned (during a try it shows SENDING).
                assertThat(delivery(id)).containsEntry("state", "FAILED").containsKey("nextAttemptAt");
            });
            assertThat(ofType(probe.records(), id, "mall.claims.claim.reported-to-insurer.v1")).isEmpty();

            insurer.answer(200);

            await().atMost(shortly()).untilAsserted(() -> assertThat(delivery(id)).containsEntry("state", "DELIVERED")
                    .containsEntry("insurerReference", "PZCG-1"));
            assertThat(insurer.accepted()).hasSize(1);
            assertThat(insurer.calls()).allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(id));
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.claims.claim.reported-to-insurer.v1")).hasSize(1));
            assertThat(prometheus()).contains("msd_claims_insurer_deliveries_total{application=\"claims-service\",mall=\""
                    + mall + "\",outcome=\"delivered\"} 1.0");
        }
    }

    @Test
    void anInsurerThatRefusesTheReportEndsTheRoundUntilItIsSentAgain() {
        try (InsurerStub insurer = new InsurerStub()) {
            usePolicy(insurer.url());
            String id = (String) register(mall, slipFacts()).get("id");
            insurer.answer(400);
            var answered = body(report(id).expectStatus().isOk());
            assertThat((Map<String, Object>) answered.get("insurerReport")).containsEntry("state", "REJECTED")
                    .containsEntry("lastError", "insurer answered 400");
            assertThat(insurer.calls()).hasSize(1);

            insurer.answer(200);
            assertThat((Map<String, Object>) body(report(id).expectStatus().isOk()).get("insurerReport"))
                    .containsEntry("state", "DELIVERED").containsEntry("round", 2);
        }
    }

    @Test
    void theTelephoneReportIsRecordedByHandWithTheCallTime() {
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            String id = (String) register(mall, slipFacts()).get("id");
            Instant called = Instant.now().minusSeconds(600);
            post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/insurer-report/phone",
                    Map.of("calledAt", called.toString(), "insurerReference", "95518-0001"), mall, id)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.phoneReport.phone").isEqualTo("95518")
                    .jsonPath("$.phoneReport.insurerReference").isEqualTo("95518-0001");
            post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/insurer-report/phone",
                    Map.of("calledAt", called.toString()), mall, id)
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("insurer-phone-report-recorded");
            post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/insurer-report/phone",
                    Map.of("calledAt", Instant.now().plusSeconds(3600).toString()), mall, id)
                    .expectStatus().isBadRequest();
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.claims.claim.reported-to-insurer.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"channel\":\"PHONE\"")
                            .contains("\"insurerReference\":\"95518-0001\"")));
        }
        // Without an insurer endpoint the API report points to the phone line.
        String id = (String) register(mall, slipFacts()).get("id");
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy", Map.of("insurer", "某保险公司",
                "policyNumber", "PZCG200534011100000005", "advanceCapCny", "2000"), mall).expectStatus().isOk();
        report(id).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("insurer-endpoint-missing");
    }

    @Test
    void thePolicyAcceptsOnlyHttpsEndpointsAndNeverShowsTheCredential() {
        var policy = Map.of("insurer", "某保险公司", "policyNumber", "P-1", "advanceCapCny", "2000",
                "insurerEndpoint", "http://insurer.example.com/fnol", "insurerCredential", CREDENTIAL);
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy", policy, mall).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("https-required");
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy",
                Map.of("insurer", "某保险公司", "policyNumber", "P-1", "advanceCapCny", "2000",
                        "insurerEndpoint", "https://user:pw@insurer.example.com/fnol"), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("credentials-in-url");
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/insurance-policy", policy, mall).expectStatus().isForbidden();

        String answer = put(manager(mall), "/api/v1/malls/{mall}/insurance-policy",
                Map.of("insurer", "某保险公司", "policyNumber", "P-1", "advanceCapCny", "2000",
                        "insurerEndpoint", "https://insurer.example.com/fnol", "insurerCredential", CREDENTIAL), mall)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).doesNotContain(CREDENTIAL).contains("\"insurerCredentialSet\":true");
        // Saving again without the credential keeps it.
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy", Map.of("insurer", "某保险公司", "policyNumber", "P-2",
                "advanceCapCny", "2000", "insurerEndpoint", "https://insurer.example.com/fnol"), mall).expectStatus().isOk();
        String read = get(frontDesk(mall), "/api/v1/malls/{mall}/insurance-policy", mall).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(read).doesNotContain(CREDENTIAL).contains("\"insurerCredentialSet\":true").contains("\"P-2\"")
                .contains("\"AMBULANCE_CALLED\":\"PT10M\"");
    }

    private void usePolicy(String endpoint) {
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy", Map.of("insurer", "某财产保险股份有限公司",
                "policyNumber", "PZCG200534011100000005", "insurerEndpoint", endpoint, "insurerCredential", CREDENTIAL,
                "advanceCapCny", "2000"), mall).expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec report(String id) {
        return post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/insurer-report", Map.of(), mall, id);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> delivery(String id) {
        return (Map<String, Object>) claim(mall, id).get("insurerReport");
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker("insurer-" + mall, "insurer");
    }

    private String prometheus() {
        return ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
