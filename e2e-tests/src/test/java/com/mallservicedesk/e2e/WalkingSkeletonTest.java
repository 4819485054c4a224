package com.mallservicedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A request travels through all five services over HTTP and the real broker: registered at intake, a
 * work order in dispatch, completed, a callback scheduled and answered, counted by survey; an incident
 * also opens a claim.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class WalkingSkeletonTest {

    private static final String MALL = "M001";
    private static final Duration FLOW = Duration.ofSeconds(60);
    private static ServiceProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
    }

    @Test
    void aRepairGoesFromTheFrontDeskThroughDispatchAndCallbackIntoTheSatisfactionCount() {
        var intake = client("intake-service", TestTokens.frontDesk(MALL));
        Map<String, Object> request = intake.post().uri("/api/v1/malls/{mall}/requests", MALL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "kind", "REPAIR",
                        "description", "三樓女洗手間水龍頭漏水 🚰",
                        "location", Map.of("floor", "3F", "zone", "B"),
                        "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        String requestId = (String) request.get("id");
        assertThat((String) request.get("number")).matches("M001-\\d{8}-\\d{4}");
        assertThat(request.get("description")).isEqualTo("三樓女洗手間水龍頭漏水 🚰");

        var supervisor = TestTokens.supervisor(MALL);
        var dispatch = client("dispatch-service", supervisor);
        String workOrderId = "wo-" + requestId;
        await("work order opened").atMost(FLOW).untilAsserted(() -> dispatch.get()
                .uri("/api/v1/malls/{mall}/work-orders/{id}", MALL, workOrderId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.department").isEqualTo("CUSTOMER_SERVICE"));

        client("dispatch-service", TestTokens.deptStaff(MALL, "CUSTOMER_SERVICE")).post()
                .uri("/api/v1/malls/{mall}/work-orders/{id}/complete", MALL, workOrderId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("summary", "更換水龍頭閥芯"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");

        var callback = client("callback-service", supervisor);
        String callbackId = await("callback scheduled").atMost(FLOW).until(() -> {
            Map<String, Object> page = callback.get().uri("/api/v1/malls/{mall}/callbacks?size=200", MALL).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> callbacks = (List<Map<String, Object>>) page.get("items");
            return callbacks.stream().filter(c -> workOrderId.equals(c.get("workOrderId")))
                    .map(c -> (String) c.get("id")).findFirst().orElse(null);
        }, id -> id != null);

        callback.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", MALL, callbackId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "PHONE", "timeliness", "VERY_SATISFIED", "attitude", "SATISFIED",
                        "quality", "BASICALLY_SATISFIED"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.satisfied").isEqualTo(true);

        var survey = client("survey-service", supervisor);
        await("satisfaction counted").atMost(FLOW).untilAsserted(() -> survey.get()
                .uri("/api/v1/malls/{mall}/satisfaction", MALL).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.callbacks").isEqualTo(1)
                .jsonPath("$.satisfied").isEqualTo(1)
                .jsonPath("$.satisfactionRate").isEqualTo(100.0));

        // The monthly reception report is built from the other services' real events (seed 000 §4.11).
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        await("monthly report counts the request and its callback").atMost(FLOW).untilAsserted(() -> survey.get()
                .uri("/api/v1/malls/{mall}/reports/monthly?month={month}", MALL, month).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .value(report -> {
                    @SuppressWarnings("unchecked")
                    var requests = (Map<String, Object>) report.get("requests");
                    @SuppressWarnings("unchecked")
                    var byChannel = (Map<String, Number>) requests.get("byChannel");
                    assertThat(byChannel.get("PHONE").intValue()).isPositive();
                    @SuppressWarnings("unchecked")
                    var workTime = (Map<String, Object>) report.get("workTime");
                    assertThat(((Number) workTime.get("completed")).intValue()).isPositive();
                }));
    }

    @Test
    void anIncidentOpensAClaimAndNothingOfItShowsInAnotherMall() {
        Map<String, Object> request = client("intake-service", TestTokens.frontDesk(MALL)).post()
                .uri("/api/v1/malls/{mall}/requests", MALL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "INTERCOM", "kind", "INCIDENT",
                        "description", "顧客在一樓中庭扶梯旁滑倒,已通知安保和120",
                        "location", Map.of("floor", "1F", "zone", "Atrium")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        String claimId = "claim-" + request.get("id");

        await("claim opened").atMost(FLOW).untilAsserted(() -> client("claims-service", TestTokens.supervisor(MALL)).get()
                .uri("/api/v1/malls/{mall}/claims/{id}", MALL, claimId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.requestId").isEqualTo(request.get("id")));

        client("claims-service", TestTokens.supervisor("M002")).get()
                .uri("/api/v1/malls/{mall}/claims/{id}", "M002", claimId).exchange()
                .expectStatus().isNotFound();
        client("claims-service", TestTokens.supervisor("M002")).get()
                .uri("/api/v1/malls/{mall}/claims/{id}", MALL, claimId).exchange()
                .expectStatus().isForbidden();
    }

    private static WebTestClient client(String service, String token) {
        return WebTestClient.bindToServer().baseUrl(platform.url(service))
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }
}
