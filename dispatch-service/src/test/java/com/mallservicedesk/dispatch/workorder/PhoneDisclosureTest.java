package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The kit's one rule for phone numbers on every work-order view: in full to the front desk and to the staff of the
 * department handling the order, masked for everyone else; another department's order does not exist for its staff.
 */
class PhoneDisclosureTest extends DispatchIntegrationTest {

    private static final String CUSTOMER = "13800000000";
    private static final String CUSTOMER_MASKED = "138****0000";
    private static final String REPORTER = "13700000000";
    private static final String REPORTER_MASKED = "137****0000";

    private final String mall = newMall();
    private final String customerService = TestTokens.deptStaff(mall, "CUSTOMER_SERVICE");
    private final String engineering = TestTokens.deptStaff(mall, "ENGINEERING");

    /** An order of customer service with the customer and the reporter of a merged duplicate. */
    private String orderWithTwoReporters() {
        String parent = register(mall, "REPAIR", "PHONE", "3F", "B");
        String duplicate = register(mall, "REPAIR", "PHONE", "3F", "B");
        awaitOrder(mall, "wo-" + parent);
        awaitOrder(mall, "wo-" + duplicate);
        send(REQUESTS, "mall.intake.request.merged.v1", mall, duplicate, duplicate, Map.of("requestId", duplicate,
                "parentRequestId", parent, "reporter", Map.of("name", "陳先生", "phone", REPORTER, "type", "TENANT")));
        await().untilAsserted(() -> assertThat((List<?>) order(mall, "wo-" + parent).get("reporters")).hasSize(2));
        return "wo-" + parent;
    }

    private Map<String, Object> view(String token, String id) {
        return web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, id).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private Map<String, Object> listed(String token, String id) {
        var page = web.get().uri("/api/v1/malls/{mall}/work-orders", mall).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(o -> id.equals(o.get("id"))).findFirst()
                .orElseThrow();
    }

    private static List<String> phones(Map<String, Object> order) {
        var phones = new java.util.ArrayList<String>();
        phones.add((String) ((Map<String, Object>) order.get("customer")).get("phone"));
        ((List<Map<String, Object>>) order.get("reporters")).forEach(r -> phones.add((String) r.get("phone")));
        return phones;
    }

    @Test
    void theFrontDeskAndTheHandlingDepartmentSeeFullNumbersSupervisorsAndManagersMaskedOnes() {
        String id = orderWithTwoReporters();

        assertThat(phones(view(TestTokens.frontDesk(mall), id))).containsExactly(CUSTOMER, CUSTOMER, REPORTER);
        assertThat(phones(view(customerService, id))).containsExactly(CUSTOMER, CUSTOMER, REPORTER);
        assertThat(phones(view(TestTokens.supervisor(mall), id)))
                .containsExactly(CUSTOMER_MASKED, CUSTOMER_MASKED, REPORTER_MASKED);
        assertThat(phones(view(manager(mall), id))).containsExactly(CUSTOMER_MASKED, CUSTOMER_MASKED, REPORTER_MASKED);

        // Search results follow the same rule.
        assertThat(phones(listed(TestTokens.supervisor(mall), id))).containsExactly(CUSTOMER_MASKED, CUSTOMER_MASKED, REPORTER_MASKED);
        assertThat(phones(listed(manager(mall), id))).containsExactly(CUSTOMER_MASKED, CUSTOMER_MASKED, REPORTER_MASKED);
        assertThat(phones(listed(TestTokens.frontDesk(mall), id))).containsExactly(CUSTOMER, CUSTOMER, REPORTER);
        assertThat(phones(listed(customerService, id))).containsExactly(CUSTOMER, CUSTOMER, REPORTER);

        // So do the answers to actions: a supervisor acting gets masked numbers, the department full ones.
        var accepted = act(mall, TestTokens.supervisor(mall), id, "accept", null).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(phones(accepted)).containsExactly(CUSTOMER_MASKED, CUSTOMER_MASKED, REPORTER_MASKED);
        var contacted = act(mall, customerService, id, "contact", null).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(phones(contacted)).containsExactly(CUSTOMER, CUSTOMER, REPORTER);
    }

    @Test
    void anotherDepartmentsOrderIsNotFoundForItsStaffAndATransferMovesWhoSeesIt() {
        putDepartment(mall, "ENGINEERING", aroundTheClock());
        String id = orderWithTwoReporters();

        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, id).headers(h -> h.setBearerAuth(engineering))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("work-order-not-found");
        web.get().uri("/api/v1/malls/{mall}/work-orders", mall).headers(h -> h.setBearerAuth(engineering))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);

        var transferred = act(mall, customerService, id, "transfer", Map.of("toDepartment", "ENGINEERING", "reason", "需要水電工"))
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        // The answer goes to customer service, which no longer handles the order.
        assertThat(phones(transferred)).containsExactly(CUSTOMER_MASKED, CUSTOMER_MASKED, REPORTER_MASKED);
        assertThat(phones(view(engineering, id))).containsExactly(CUSTOMER, CUSTOMER, REPORTER);
        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, id).headers(h -> h.setBearerAuth(customerService))
                .exchange().expectStatus().isNotFound();
        // Another mall's id answers the same way: nothing tells the two apart.
        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, "wo-" + java.util.UUID.randomUUID())
                .headers(h -> h.setBearerAuth(customerService))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("work-order-not-found");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a number typed into the description is masked wherever the phone field is (seed 001 篇3 §8)")
    void numbersInFreeTextFollowTheSameRule() {
        String requestId = java.util.UUID.randomUUID().toString();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("number", mall + "-20261126-0009");
        data.put("channel", "PHONE");
        data.put("kind", "REPAIR");
        data.put("description", "地下車庫漏水，請回電 13912345678 或 0551-5112076，單號 WO13800001234");
        data.put("customer", Map.of("name", "李女士", "phone", "13912345678", "type", "SHOPPER"));
        data.put("receivedAt", java.time.Instant.now().toString());
        data.put("acceptedAt", clock.instant().toString());
        data.put("status", "REGISTERED");
        data.put("priority", "NORMAL");
        send(REQUESTS, "mall.intake.request.registered.v1", mall, requestId, requestId, data);
        String id = "wo-" + requestId;
        awaitOrder(mall, id);

        assertThat(view(customerService, id).get("description"))
                .isEqualTo("地下車庫漏水，請回電 13912345678 或 0551-5112076，單號 WO13800001234");
        assertThat(view(TestTokens.supervisor(mall), id).get("description"))
                .isEqualTo("地下車庫漏水，請回電 139****5678 或 055****2076，單號 WO13800001234");
        assertThat(listed(manager(mall), id).get("description")).asString().doesNotContain("13912345678");
    }
}
