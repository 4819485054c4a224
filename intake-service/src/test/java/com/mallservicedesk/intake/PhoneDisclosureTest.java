package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's one rule for phone numbers, in every intake view: in full to the front desk and to the staff of the
 * department that handles the request's work order; masked for other departments, supervisors and managers.
 */
class PhoneDisclosureTest extends IntakeIntegrationTest {

    private static final String CUSTOMER = "13912345678";
    private static final String CUSTOMER_MASKED = "139****5678";
    private static final String REPORTER = "13887654321";
    private static final String REPORTER_MASKED = "138****4321";

    @Test
    @SuppressWarnings("unchecked")
    void requestsTheirReportersAndMergedDuplicatesShowNumbersOnlyToTheFrontDeskAndTheHandlingDepartment()
            throws Exception {
        String mall = newMall();
        String parent = (String) repair(mall, "6F", "A", CUSTOMER).get("id");
        String duplicate = (String) repair(mall, "6F", "A", REPORTER).get("id");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", parent), mall,
                duplicate).expectStatus().isOk();
        workOrder(mall, parent, "created", "ENGINEERING", "ASSIGNED", "");
        // Work-order events carry the customer's contact; the timeline must not take it over.
        workOrder(mall, parent, "contacted", "ENGINEERING", "ACCEPTED",
                ",\"customer\":{\"name\":\"王小姐\",\"phone\":\"%s\"}".formatted(CUSTOMER));
        await().atMost(shortly()).untilAsserted(() -> assertThat(request(mall, parent).get("timeline").toString())
                .contains("CUSTOMER_CONTACTED"));

        String engineering = TestTokens.deptStaff(mall, "ENGINEERING");
        String cleaning = TestTokens.deptStaff(mall, "CLEANING");
        for (String token : List.of(TestTokens.frontDesk(mall), engineering)) {
            var view = view(token, mall, parent);
            assertThat(((Map<String, Object>) view.get("customer")).get("phone")).isEqualTo(CUSTOMER);
            assertThat(((List<Map<String, Object>>) view.get("reporters")).get(0).get("phone")).isEqualTo(REPORTER);
            assertThat(((Map<String, Object>) view(token, mall, duplicate).get("customer")).get("phone")).isEqualTo(REPORTER);
            assertThat(searchBody(token, mall)).contains(CUSTOMER).contains(REPORTER);
        }
        for (String token : List.of(cleaning, TestTokens.supervisor(mall), manager(mall))) {
            var view = view(token, mall, parent);
            assertThat(((Map<String, Object>) view.get("customer")).get("phone")).isEqualTo(CUSTOMER_MASKED);
            assertThat(((List<Map<String, Object>>) view.get("reporters")).get(0).get("phone")).isEqualTo(REPORTER_MASKED);
            assertThat(((Map<String, Object>) view(token, mall, duplicate).get("customer")).get("phone"))
                    .isEqualTo(REPORTER_MASKED);
            // Nowhere in the view, timeline included, and nowhere in search results.
            assertThat(body(token, mall, parent)).doesNotContain(CUSTOMER).doesNotContain(REPORTER);
            assertThat(body(token, mall, duplicate)).doesNotContain(REPORTER);
            assertThat(searchBody(token, mall)).doesNotContain(CUSTOMER).doesNotContain(REPORTER)
                    .contains(CUSTOMER_MASKED).contains(REPORTER_MASKED);
        }

        // The work order moves to cleaning: from now on cleaning calls the customer, engineering no longer does.
        workOrder(mall, parent, "transferred", "CLEANING", "ASSIGNED",
                ",\"fromDepartment\":\"ENGINEERING\",\"toDepartment\":\"CLEANING\"");
        await().atMost(shortly()).untilAsserted(() -> assertThat(request(mall, parent).get("department")).isEqualTo("CLEANING"));
        assertThat(((Map<String, Object>) view(cleaning, mall, parent).get("customer")).get("phone")).isEqualTo(CUSTOMER);
        assertThat(((Map<String, Object>) view(cleaning, mall, duplicate).get("customer")).get("phone")).isEqualTo(REPORTER);
        assertThat(body(engineering, mall, parent)).doesNotContain(CUSTOMER).doesNotContain(REPORTER);
        assertThat(searchBody(engineering, mall)).doesNotContain(CUSTOMER).doesNotContain(REPORTER);
    }

    @Test
    void aRequestNoDepartmentHandlesYetShowsNumbersOnlyToTheFrontDesk() {
        String mall = newMall();
        String id = (String) repair(mall, "7F", "A", CUSTOMER).get("id");
        assertThat(body(TestTokens.frontDesk(mall), mall, id)).contains(CUSTOMER);
        for (String token : List.of(TestTokens.deptStaff(mall, "ENGINEERING"), TestTokens.supervisor(mall), manager(mall))) {
            assertThat(body(token, mall, id)).doesNotContain(CUSTOMER).contains(CUSTOMER_MASKED);
        }
        // A supervisor who registers or cancels sees the answer masked as well.
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "撤回"), mall, id)
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(CUSTOMER).contains(CUSTOMER_MASKED));
    }

    /**
     * Store contacts are the stores' business lines, kept so the mall can reach them: the front desk, supervisors and
     * every department (who arrange work in the unit) see them; managers see them masked.
     */
    @Test
    void storeContactsInTheDirectoryAreBusinessContactsForThoseWhoReachStores() {
        String mall = newMall();
        String phone = "13566667777";
        String tenantId = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of("name", "周大福",
                "kind", "COUNTER", "floor", "1F", "contacts", List.of(Map.of("name", "店長", "phone", phone))), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        for (String token : List.of(TestTokens.frontDesk(mall), TestTokens.supervisor(mall),
                TestTokens.deptStaff(mall, "ENGINEERING"), TestTokens.deptStaff(mall, "CLEANING"))) {
            get(token, "/api/v1/malls/{mall}/tenants/{id}", mall, tenantId).expectStatus().isOk().expectBody()
                    .jsonPath("$.contacts[0].phone").isEqualTo(phone);
            get(token, "/api/v1/malls/{mall}/tenants", mall).expectStatus().isOk().expectBody()
                    .jsonPath("$.items[0].contacts[0].phone").isEqualTo(phone);
        }
        get(manager(mall), "/api/v1/malls/{mall}/tenants/{id}", mall, tenantId).expectStatus().isOk().expectBody()
                .jsonPath("$.contacts[0].phone").isEqualTo("135****7777");
        get(manager(mall), "/api/v1/malls/{mall}/tenants", mall).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(phone).contains("135****7777"));
    }

    private Map<String, Object> view(String token, String mall, String id) {
        return get(token, "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    private String body(String token, String mall, String id) {
        return get(token, "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String searchBody(String token, String mall) {
        return get(token, "/api/v1/malls/{mall}/requests?q=漏水", mall).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void workOrder(String mall, String requestId, String what, String department, String status, String more)
            throws Exception {
        String wo = "wo-" + requestId;
        sendEvent("dispatch.work-orders.v1", "mall.dispatch.work-order." + what + ".v1", mall, requestId, wo,
                "{\"workOrderId\":\"%s\",\"requestId\":\"%s\",\"department\":\"%s\",\"status\":\"%s\",\"occurredAt\":\"%s\"%s}"
                        .formatted(wo, requestId, department, status, Instant.now(), more));
    }
}
