package com.mallservicedesk.e2e;

import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The callback loop across the real services (seed 000 §第四條: 跟蹤回訪、直至合格為止): an unsatisfied callback reopens the
 * work order in dispatch, its second completion brings a second callback, and a satisfied answer closes the request
 * at intake.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class UntilSatisfiedAcrossServicesTest {

    private static final Duration FLOW = Duration.ofSeconds(60);
    private static ServiceProcesses platform;

    private final String mall = "E2E" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
    }

    @Test
    void anUnsatisfiedCustomerGetsTheWorkRedoneAndIsCalledAgainUntilSatisfied() {
        String requestId = (String) client("intake-service", TestTokens.frontDesk(mall)).post()
                .uri("/api/v1/malls/{mall}/requests", mall)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "kind", "REPAIR", "description", "二樓走廊燈不亮",
                        "location", Map.of("floor", "2F", "zone", "A"),
                        "customer", Map.of("name", "陳先生", "phone", "13700000000", "type", "SHOPPER")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String workOrderId = "wo-" + requestId;
        var department = client("dispatch-service", TestTokens.deptStaff(mall, "CUSTOMER_SERVICE"));
        var callbacks = client("callback-service", TestTokens.supervisor(mall));

        await("work order opened").atMost(FLOW).untilAsserted(() -> complete(department, workOrderId, "更換燈管"));
        await("first callback").atMost(FLOW).untilAsserted(() -> answer(callbacks, "cb-" + workOrderId + "-1", "DISSATISFIED")
                .expectStatus().isOk().expectBody().jsonPath("$.satisfied").isEqualTo(false));

        // Dispatch reopens the order in the same department for corrective action (seed 000 §4.4.5).
        await("reopened").atMost(FLOW).untilAsserted(() -> department.get()
                .uri("/api/v1/malls/{mall}/work-orders/{id}", mall, workOrderId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ASSIGNED").jsonPath("$.round").isEqualTo(2));
        complete(department, workOrderId, "更換鎮流器");

        await("second callback").atMost(FLOW).untilAsserted(() -> answer(callbacks, "cb-" + workOrderId + "-2", "SATISFIED")
                .expectStatus().isOk().expectBody().jsonPath("$.satisfied").isEqualTo(true));
        await("request closed at intake").atMost(FLOW).untilAsserted(() -> client("intake-service",
                TestTokens.frontDesk(mall)).get().uri("/api/v1/malls/{mall}/requests/{id}", mall, requestId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.closeReason").isEqualTo("SATISFIED_CALLBACK"));
    }

    private void complete(WebTestClient department, String workOrderId, String summary) {
        department.post().uri("/api/v1/malls/{mall}/work-orders/{id}/complete", mall, workOrderId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("summary", summary))
                .exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec answer(WebTestClient callbacks, String callbackId, String quality) {
        return callbacks.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", mall, callbackId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "PHONE", "timeliness", "SATISFIED", "attitude", "SATISFIED", "quality", quality))
                .exchange();
    }

    private WebTestClient client(String service, String token) {
        return WebTestClient.bindToServer().baseUrl(platform.url(service))
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }
}
