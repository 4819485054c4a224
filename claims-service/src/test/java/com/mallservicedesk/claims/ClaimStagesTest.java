package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Directly registered incidents, the stages with their checklist, illegal moves, overdue steps and the ID-number mask. */
class ClaimStagesTest extends ClaimsIntegrationTest {

    private final String mall = newMall();

    @Test
    void aClaimWorksThroughTheStagesToTheArchiveAndEveryMoveIsPublished() {
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            var claim = register(mall, slipFacts());
            String id = (String) claim.get("id");
            assertThat(claim).containsEntry("source", "DIRECT").containsEntry("stage", "IMMEDIATE_ACTION")
                    .containsEntry("requestId", null).containsEntry("handlerId", "front-desk-" + mall)
                    .containsEntry("nextStages", List.of("APPLICATION", "ARCHIVED"));

            // Skipping a stage, archiving without an outcome and settling from the first stage are refused.
            stage(id, Map.of("stage", "HANDLING")).expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("claim-stage-move-not-allowed")
                    .jsonPath("$.allowed[0]").isEqualTo("APPLICATION");
            stage(id, Map.of("stage", "ARCHIVED")).expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.code").isEqualTo("claim-outcome-required");
            stage(id, Map.of("stage", "ARCHIVED", "outcome", "SETTLED", "settledAmountCny", "10"))
                    .expectStatus().isEqualTo(409);
            // Leaving the stage needs its steps done or marked not applicable.
            stage(id, Map.of("stage", "APPLICATION")).expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("claim-checklist-incomplete")
                    .jsonPath("$.openItems.length()").isEqualTo(ChecklistItem.of(ClaimStage.IMMEDIATE_ACTION).size());
            // A step of a later stage cannot be checked yet.
            check(id, "ADJUSTER_ASSIGNED", "DONE").expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("claim-checklist-item-not-yet");

            finish(id, ClaimStage.IMMEDIATE_ACTION);
            var afterCheck = claim(mall, id);
            assertThat(item(afterCheck, "AMBULANCE_CALLED")).containsEntry("status", "DONE")
                    .containsEntry("doneBy", "supervisor-" + mall);
            assertThat(item(afterCheck, "POLICE_INFORMED")).containsEntry("status", "NOT_APPLICABLE");

            stage(id, Map.of("stage", "APPLICATION")).expectStatus().isOk().expectBody()
                    .jsonPath("$.stage").isEqualTo("APPLICATION");
            finish(id, ClaimStage.APPLICATION);
            stage(id, Map.of("stage", "HANDLING")).expectStatus().isOk();
            finish(id, ClaimStage.HANDLING);
            stage(id, Map.of("stage", "ARCHIVED", "outcome", "SETTLED")).expectStatus().isEqualTo(422).expectBody()
                    .jsonPath("$.code").isEqualTo("claim-settled-amount-required");
            stage(id, Map.of("stage", "ARCHIVED", "outcome", "SETTLED", "settledAmountCny", "3200.50"))
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("ARCHIVED").jsonPath("$.settledAmountCny").isEqualTo(3200.50);

            // Archived is final: no further move and no change.
            stage(id, Map.of("stage", "ARCHIVED", "outcome", "CLOSED_WITHOUT_CLAIM")).expectStatus().isEqualTo(409);
            put(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/facts", slipFacts(), mall, id)
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("claim-archived");

            await().atMost(shortly()).untilAsserted(() -> {
                var records = probe.records();
                assertThat(ofType(records, id, "mall.claims.claim.opened.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"requestId\":\"" + id + "\"")
                                .contains("\"source\":\"DIRECT\""));
                assertThat(ofType(records, id, "mall.claims.claim.stage-changed.v1")).hasSize(3)
                        .last().satisfies(r -> assertThat(r.value()).contains("\"fromStage\":\"HANDLING\"")
                                .contains("\"stage\":\"ARCHIVED\"").contains("\"by\":\"supervisor-" + mall + "\""));
                assertThat(ofType(records, id, "mall.claims.claim.archived.v1")).singleElement()
                        .satisfies(r -> {
                            assertThat(r.value()).contains("\"outcome\":\"SETTLED\"")
                                    .contains("\"settledAmountCny\":\"3200.50\"");
                            assertThat(CloudEventHeaders.read(r.headers(), CloudEventHeaders.CORRELATION_ID)).isEqualTo(id);
                        });
            });
        }
        await().atMost(shortly()).untilAsserted(() -> assertThat(prometheus())
                .contains("msd_claims_current{application=\"claims-service\",mall=\"" + mall + "\",stage=\"ARCHIVED\"} 1.0")
                .contains("msd_claims_current{application=\"claims-service\",mall=\"" + mall + "\",stage=\"IMMEDIATE_ACTION\"} 0.0")
                .contains("msd_claims_archived_total{application=\"claims-service\",mall=\"" + mall + "\",outcome=\"SETTLED\"} 1.0"));
    }

    @Test
    void anIncidentWithoutAClaimIsClosedFromTheFirstStage() {
        String id = (String) register(mall, slipFacts()).get("id");
        stage(id, Map.of("stage", "ARCHIVED", "outcome", "CLOSED_WITHOUT_CLAIM", "note", "轻微擦伤,顾客不索赔"))
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("CLOSED_WITHOUT_CLAIM")
                .jsonPath("$.settledAmountCny").doesNotExist();
    }

    @Test
    void registrationNeedsThePlaceTheTimeAndTheAccount() {
        var facts = slipFacts();
        facts.remove("location");
        facts.remove("placeDescription");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims", facts, mall).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("place-required");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims", Map.of("category", "NOPE"), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid-field");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims", Map.of("category", "SLIP"), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("occurredAt", "account"));
        var nameless = slipFacts();
        nameless.put("injured", List.of(Map.of("idNumber", "110101199003071234")));
        nameless.put("estimatedLossCny", "-1");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims", nameless, mall).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString())
                        .contains("injured[0].name", "estimatedLossCny"));
    }

    @Test
    void idNumbersOfTheInjuredAreMaskedExceptForTheManagerAndTheHandler() {
        String id = (String) register(mall, slipFacts()).get("id");
        assertThat(injuredId(TestTokens.supervisor(mall), id)).isEqualTo("1101**********1234");
        assertThat(injuredId(TestTokens.token("someone-else", List.of(mall), List.of("FRONT_DESK"), null), id))
                .isEqualTo("1101**********1234");
        assertThat(injuredId(frontDesk(mall), id)).isEqualTo("110101199003071234");
        assertThat(injuredId(manager(mall), id)).isEqualTo("110101199003071234");

        // Sending the masked number back with other changes keeps the stored one.
        var seen = body(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}", mall, id).expectStatus().isOk());
        var facts = slipFacts();
        facts.put("injured", seen.get("injured"));
        facts.put("cause", "地面清洁后未及时擦干");
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/facts", facts, mall, id).expectStatus().isOk();
        assertThat(injuredId(manager(mall), id)).isEqualTo("110101199003071234");

        // A new handler sees the numbers; the former one no longer does.
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/handler",
                Map.of("handlerId", "supervisor-" + mall, "handlerName", "客服主管"), mall, id).expectStatus().isOk();
        assertThat(injuredId(TestTokens.supervisor(mall), id)).isEqualTo("110101199003071234");
        assertThat(injuredId(frontDesk(mall), id)).isEqualTo("1101**********1234");
        put(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/handler",
                Map.of("handlerId", "x", "handlerName", "x"), mall, id).expectStatus().isForbidden();
    }

    @Test
    void aStepNotDoneByItsDueTimeFiresADurableTimerThatIsPublishedAndCounted() {
        put(manager(mall), "/api/v1/malls/{mall}/insurance-policy", Map.of("insurer", "某保险公司",
                "policyNumber", "PZCG200534011100000005", "advanceCapCny", "2000",
                "stepDueTimes", Map.of("AMBULANCE_CALLED", "PT1S", "SCENE_SECURED", "PT1S")), mall)
                .expectStatus().isOk();
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            String id = (String) register(mall, slipFacts()).get("id");
            // Done in time: no timer fires for it.
            check(id, "SCENE_SECURED", "DONE").expectStatus().isOk();

            await().atMost(shortly()).untilAsserted(() -> {
                assertThat(ofType(probe.records(), id, "mall.claims.claim.step-overdue.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"item\":\"AMBULANCE_CALLED\"")
                                .contains("\"stage\":\"IMMEDIATE_ACTION\""));
                assertThat(item(claim(mall, id), "AMBULANCE_CALLED")).containsEntry("overdue", true);
            });
            assertThat(item(claim(mall, id), "SCENE_SECURED")).containsEntry("overdue", false);
            assertThat(prometheus()).contains("msd_claims_steps_overdue_total{application=\"claims-service\",item=\"AMBULANCE_CALLED\",mall=\""
                    + mall + "\"} 1.0");
            get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims?stage=IMMEDIATE_ACTION", mall).expectStatus().isOk()
                    .expectBody().jsonPath("$.items[0].overdueSteps").isEqualTo(1);
        }
    }

    private void finish(String id, ClaimStage stage) {
        finishChecklist(mall, id, stage);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec check(String id, String item,
                                                                                        String status) {
        return post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/checklist/{item}",
                Map.of("status", status, "note", "已处理"), mall, id, item);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec stage(String id, Map<String, Object> move) {
        return moveStage(mall, id, move);
    }

    private String injuredId(String token, String id) {
        var claim = body(get(token, "/api/v1/malls/{mall}/claims/{id}", mall, id).expectStatus().isOk());
        return (String) ((Map<?, ?>) ((List<?>) claim.get("injured")).get(0)).get("idNumber");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> claim, String item) {
        return ((List<Map<String, Object>>) claim.get("checklist")).stream().filter(i -> item.equals(i.get("item")))
                .findFirst().orElseThrow();
    }

    private String prometheus() {
        return ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
