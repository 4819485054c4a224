package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SettingsAndPrivacyTest extends IntakeIntegrationTest {

    @Test
    void aMallRunsOnTheSeedDefaultsUntilASupervisorChangesThem() {
        String mall = newMall();
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/settings", mall).expectStatus().isOk().expectBody()
                .jsonPath("$.acceptanceLimit").isEqualTo("PT5M")
                .jsonPath("$.duplicateWindow").isEqualTo("PT30M")
                .jsonPath("$.defaults").isEqualTo(true);

        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .bodyValue(Map.of("acceptanceLimit", "PT3M", "duplicateWindow", "PT1H", "timeZone", "Asia/Taipei"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.acceptanceLimit").isEqualTo("PT3M").jsonPath("$.defaults").isEqualTo(false)
                .jsonPath("$.updatedBy").isEqualTo("supervisor-" + mall);
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/settings", mall).expectStatus().isOk().expectBody()
                .jsonPath("$.timeZone").isEqualTo("Asia/Taipei");
    }

    @Test
    void settingsAreCheckedFieldByFieldAndOnlySupervisorsAndManagersChangeThem() {
        String mall = newMall();
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(manager(mall)))
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT30M", "timeZone", "UTC",
                        "gatewayUrl", "ftp://x"))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("gatewayUrl"));
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .bodyValue(Map.of("acceptanceLimit", "PT0S", "duplicateWindow", "P30D", "timeZone", "Mars/Olympus"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString())
                        .contains("acceptanceLimit", "duplicateWindow", "timeZone"));
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .bodyValue(Map.of("acceptanceLimit", "PT1M", "duplicateWindow", "PT1M", "timeZone", "UTC"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void phonesShowInFullOnlyToThoseWhoCallTheCustomerAndNeverInTheLogs(CapturedOutput output) throws Exception {
        String mall = newMall();
        String phone = "13912345678";
        String id = (String) repair(mall, "1F", "A", phone).get("id");
        String duplicate = (String) repair(mall, "1F", "A", "13887654321").get("id");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", id), mall, duplicate)
                .expectStatus().isOk();
        sendEvent("dispatch.work-orders.v1", "mall.dispatch.work-order.created.v1", mall, id, "wo-" + id,
                "{\"workOrderId\":\"wo-%s\",\"requestId\":\"%s\",\"department\":\"ENGINEERING\",\"status\":\"ASSIGNED\"}"
                        .formatted(id, id));
        org.awaitility.Awaitility.await().atMost(shortly())
                .untilAsserted(() -> assertThat(request(mall, id).get("department")).isEqualTo("ENGINEERING"));

        assertThat(customerPhone(TestTokens.frontDesk(mall), mall, id)).isEqualTo(phone);
        // The kit's one rule: supervisors call nobody, so they see the number masked like managers.
        assertThat(customerPhone(TestTokens.supervisor(mall), mall, id)).isEqualTo("139****5678");
        assertThat(customerPhone(TestTokens.deptStaff(mall, "ENGINEERING"), mall, id)).isEqualTo(phone);
        assertThat(customerPhone(TestTokens.deptStaff(mall, "CLEANING"), mall, id)).isEqualTo("139****5678");
        String manager = TestTokens.token("manager", List.of(mall), List.of("MANAGER"), null);
        assertThat(customerPhone(manager, mall, id)).isEqualTo("139****5678");
        var managerView = get(manager, "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(((List<Map<String, Object>>) managerView.get("reporters")).get(0).get("phone")).isEqualTo("138****4321");
        get(manager, "/api/v1/malls/{mall}/requests?q=漏水", mall).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(phone).contains("139****5678"));

        // A failing registration and a cancellation log nothing personal either.
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "x", "receivedAt", Instant.now().plusSeconds(999).toString(),
                "customer", Map.of("phone", phone)), mall).expectStatus().isBadRequest();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "撤回"), mall, id)
                .expectStatus().isOk();
        // A notice whose delivery fails (no gateway set) is logged, without the store contact's phone.
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of("name", "店", "kind", "COUNTER", "floor", "1F",
                "contacts", List.of(Map.of("name", "店長", "phone", "13566667777"))), mall).expectStatus().isCreated();
        String noticeId = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER",
                "startsAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(60).toString(), "message", "停電"), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        org.awaitility.Awaitility.await().atMost(shortly())
                .untilAsserted(() -> assertThat(output.getAll()).contains("Notice delivery " + noticeId));
        assertThat(output.getAll()).doesNotContain(phone).doesNotContain("13887654321").doesNotContain("13566667777");
    }

    private String customerPhone(String token, String mall, String id) {
        var view = get(token, "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) view.get("customer")).get("phone");
    }
}
