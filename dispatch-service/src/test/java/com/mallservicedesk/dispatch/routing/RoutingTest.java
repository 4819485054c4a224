package com.mallservicedesk.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoutingTest extends DispatchIntegrationTest {

    private final String mall = newMall();

    private void putRules(List<Map<String, Object>> rules, String defaultDepartment) {
        var body = new java.util.HashMap<String, Object>();
        body.put("rules", rules);
        body.put("defaultDepartment", defaultDepartment);
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rules.length()").isEqualTo(rules.size());
    }

    @Test
    void withoutRulesEverythingGoesToCustomerServiceAndRequestsClosedOnTheSpotAreNotDispatched() {
        String requestId = register(mall, "REPAIR", "PHONE", "3F", "B");
        String closed = register(mall, "CONSULTATION", "PHONE", "1F", "A", "CLOSED");

        var order = awaitOrder(mall, "wo-" + requestId);
        assertThat(order).containsEntry("status", "ASSIGNED").containsEntry("department", "CUSTOMER_SERVICE")
                .containsEntry("round", 1);
        await().untilAsserted(() -> assertThat(publishedAbout("wo-" + requestId, "mall.dispatch.work-order.created.v1"))
                .singleElement().satisfies(created -> {
                    assertThat(created.key()).isEqualTo(requestId);
                    assertThat(created.data().get("department").asString()).isEqualTo("CUSTOMER_SERVICE");
                    assertThat(created.data().get("status").asString()).isEqualTo("ASSIGNED");
                    assertThat(created.data().get("kind").asString()).isEqualTo("REPAIR");
                    assertThat(created.data().has("orderedAt")).isTrue();
                    assertThat(created.data().has("occurredAt")).isTrue();
                }));
        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, "wo-" + closed)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("work-order-not-found");
    }

    @Test
    void theFirstMatchingRuleNamesTheDepartmentAndTheDefaultCatchesTheRest() {
        putDepartment(mall, "ENGINEERING", aroundTheClock());
        putDepartment(mall, "SECURITY", aroundTheClock());
        putDepartment(mall, "PARKING", aroundTheClock());
        putRules(List.of(
                Map.of("kind", "REPAIR", "floor", "B2", "department", "PARKING"),
                Map.of("kind", "repair", "department", "ENGINEERING"),
                Map.of("channel", "INTERCOM", "zone", "Atrium", "department", "SECURITY")), "CUSTOMER_SERVICE");

        String parking = register(mall, "REPAIR", "PHONE", "B2", "P");
        String engineering = register(mall, "REPAIR", "VISIT", "3F", "B");
        String security = register(mall, "HELP", "INTERCOM", "1F", "Atrium");
        String rest = register(mall, "HELP", "PHONE", "1F", "Atrium");

        assertThat(awaitOrder(mall, "wo-" + parking)).containsEntry("department", "PARKING");
        assertThat(awaitOrder(mall, "wo-" + engineering)).containsEntry("department", "ENGINEERING");
        assertThat(awaitOrder(mall, "wo-" + security)).containsEntry("department", "SECURITY");
        assertThat(awaitOrder(mall, "wo-" + rest)).containsEntry("department", "CUSTOMER_SERVICE");

        web.get().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rules[0].department").isEqualTo("PARKING")
                .jsonPath("$.defaultDepartment").isEqualTo("CUSTOMER_SERVICE")
                .jsonPath("$.updatedBy").isEqualTo("supervisor-" + mall);
    }

    @Test
    void withoutADefaultAnUnmatchedRequestWaitsForTheFrontDeskWhoAssignsItByHand() {
        putDepartment(mall, "CLEANING", aroundTheClock());
        putRules(List.of(Map.of("kind", "REPAIR", "department", "CLEANING")), null);
        String requestId = register(mall, "SUGGESTION", "PHONE", "2F", "C");
        String id = "wo-" + requestId;

        var waiting = awaitOrder(mall, id);
        assertThat(waiting).containsEntry("status", "UNASSIGNED").containsEntry("department", null);
        assertThat((Map<String, Object>) waiting.get("deadlines")).containsKey("DISPATCH");

        // Department staff cannot act on it; the front desk assigns it.
        act(mall, TestTokens.deptStaff(mall, "CLEANING"), id, "accept", null).expectStatus().isForbidden();
        act(mall, TestTokens.frontDesk(mall), id, "assign", Map.of("department", "NOWHERE"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("department-unknown");
        act(mall, TestTokens.deptStaff(mall, "CLEANING"), id, "assign", Map.of("department", "CLEANING"))
                .expectStatus().isForbidden();
        act(mall, TestTokens.frontDesk(mall), id, "assign", Map.of("department", "CLEANING", "reason", "清潔問題"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED").jsonPath("$.department").isEqualTo("CLEANING");
        assertThat((Map<String, Object>) order(mall, id).get("deadlines")).doesNotContainKey("DISPATCH").containsKey("CONTACT");
        act(mall, TestTokens.frontDesk(mall), id, "assign", Map.of("department", "CLEANING"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("work-order-same-department");
        // Reassigning by hand moves it on.
        act(mall, TestTokens.frontDesk(mall), id, "assign", Map.of("department", "CUSTOMER_SERVICE", "reason", "誤派"))
                .expectStatus().isOk().expectBody().jsonPath("$.department").isEqualTo("CUSTOMER_SERVICE");

        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.reassigned.v1"))
                .extracting(p -> p.data().path("fromDepartment").asString(null) + ">" + p.data().get("toDepartment").asString()
                        + " by " + p.data().get("by").asString())
                .containsExactly("null>CLEANING by front-desk-" + mall, "CLEANING>CUSTOMER_SERVICE by front-desk-" + mall));
    }

    @Test
    void badConfigurationIsRefusedWithProblemsNamingWhatIsWrong() {
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of(Map.of("kind", "REPAIR", "department", "NOWHERE")),
                        "defaultDepartment", "ALSO_NOWHERE"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("routing-department-unknown")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("NOWHERE").contains("ALSO_NOWHERE"));
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of(Map.of("kind", "REPAIR"))))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("rules[0].department");
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void routingRulesBelongToOneMall() {
        String other = newMall();
        web.get().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rules", List.of()))
                .exchange().expectStatus().isForbidden();
    }
}
