package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Department staff whose token names no department act for no department: 403 before anything is looked up. */
class DepartmentClaimTest extends DispatchIntegrationTest {

    private final String mall = newMall();
    private final String noDepartment = staffWithoutDepartment(mall);

    private void refused(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("department-claim-missing");
    }

    @Test
    void staffWithoutADepartmentClaimCanNeitherActOnNorReadAnyOrder() {
        // No rule and no default department: the order waits, unassigned, for the front desk.
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rules", List.of()))
                .exchange().expectStatus().isOk();
        String unassigned = "wo-" + register(mall, "HELP", "PHONE", "1F", "A");
        awaitOrder(mall, unassigned);
        assertThat(order(mall, unassigned)).containsEntry("status", "UNASSIGNED");

        refused(act(mall, noDepartment, unassigned, "escalate", Map.of("reason", "無部門也想升級")));
        for (String action : List.of("accept", "contact")) {
            refused(act(mall, noDepartment, unassigned, action, null));
        }
        refused(act(mall, noDepartment, unassigned, "complete", Map.of("summary", "x")));
        refused(act(mall, noDepartment, unassigned, "delay",
                Map.of("reason", "x", "promisedAt", Instant.now().plusSeconds(3600).toString())));
        refused(act(mall, noDepartment, unassigned, "transfer", Map.of("toDepartment", "CUSTOMER_SERVICE", "reason", "x")));
        refused(web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, unassigned)
                .headers(h -> h.setBearerAuth(noDepartment)).exchange());
        refused(web.get().uri("/api/v1/malls/{mall}/work-orders", mall)
                .headers(h -> h.setBearerAuth(noDepartment)).exchange());
        // Even an id that does not exist: the answer does not depend on what is stored.
        refused(act(mall, noDepartment, "wo-nothing", "escalate", Map.of("reason", "x")));

        assertThat(order(mall, unassigned)).containsEntry("escalationLevel", 0).containsEntry("status", "UNASSIGNED");
    }
}
