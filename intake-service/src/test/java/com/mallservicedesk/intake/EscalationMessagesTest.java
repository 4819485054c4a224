package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Escalation messages through a real HTTP gateway stub (contract C5; seed 000 §3.1, §4.7). */
class EscalationMessagesTest extends IntakeIntegrationTest {

    private static final String TOPIC = "dispatch.work-orders.v1";
    private static final String ESCALATED = "mall.dispatch.work-order.escalated.v1";

    @Test
    @DisplayName("seed 000 §3.1, §4.7: every target with a phone gets one message, however often the escalation is delivered")
    void everyTargetWithAPhoneGetsOneMessage() throws Exception {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            PendingEvent escalation = escalation(mall, "wo-1", """
                    [{"role":"DEPARTMENT_HEAD","name":"李工","phone":"13900001111"},
                     {"role":"FRONT_DESK","name":"前臺","phone":null},
                     {"role":"CS_HEAD","name":"王主任","phone":"13900002222"}]""");
            sendEvent(escalation);
            sendEvent(escalation);

            await().atMost(shortly()).untilAsserted(() -> assertThat(items(mall, "")).hasSize(2)
                    .allSatisfy(m -> assertThat(m.get("state")).isEqualTo("SENT")));
            assertThat(gateway.accepted()).hasSize(2).anySatisfy(call -> assertThat(call.body())
                    .contains("13900001111").contains("\"kind\":\"ESCALATION\"").contains("M-0001"));
            var messages = items(mall, "");
            assertThat(messages).extracting(m -> m.get("id")).containsExactlyInAnyOrder(escalation.eventId() + ":0",
                    escalation.eventId() + ":2");
            // Supervisors and managers see the number masked (the kit's one rule).
            assertThat(messages).extracting(m -> m.get("phone")).containsExactlyInAnyOrder("139****1111", "139****2222");

            // And it stays so: the repeated event sends nothing more.
            await().during(java.time.Duration.ofMillis(500)).atMost(shortly())
                    .untilAsserted(() -> assertThat(gateway.calls()).hasSize(2));
            get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/escalation-messages", mall).expectStatus().isForbidden();
            get(TestTokens.supervisor("OTHER"), "/api/v1/malls/{mall}/escalation-messages", mall).expectStatus().isForbidden();
        }
    }

    @Test
    @DisplayName("seed 000 §4.7: a gateway that is down is retried until it takes the message; the failure shows as our code")
    void aGatewayThatIsDownIsRetried() throws Exception {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            gateway.answer(503, "internal host db-7.corp is down");
            sendEvent(escalation(mall, "wo-2", "[{\"role\":\"PROPERTY_MANAGER\",\"name\":\"陳經理\",\"phone\":\"13700003333\"}]"));

            await().atMost(shortly()).untilAsserted(() -> assertThat(items(mall, "?state=FAILED")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.get("lastError")).isIn("gateway-unavailable", "gateway-circuit-open");
                        assertThat(m.toString()).doesNotContain("db-7");
                    }));
            gateway.answer(200);
            await().atMost(shortly()).untilAsserted(() -> assertThat(items(mall, "?state=SENT")).singleElement()
                    .satisfies(m -> assertThat((Integer) m.get("attempts")).isGreaterThan(1)));
            assertThat(gateway.accepted()).hasSize(1);
        }
    }

    @Test
    @DisplayName("seed 000 §4.7: without a gateway nothing is sent and nothing fails")
    void withoutAGatewayNothingHappens() throws Exception {
        String mall = newMall();
        String eventId = sendEvent(TOPIC, ESCALATED, mall, "req-" + mall, "wo-3", data("wo-3",
                "[{\"role\":\"CS_HEAD\",\"name\":\"王主任\",\"phone\":\"13900002222\"}]"));

        await().atMost(shortly()).untilAsserted(() -> assertThat(mongo.findById("intake.escalation-messages/" + eventId,
                ProcessedEvent.class).block()).isNotNull());
        assertThat(items(mall, "")).isEmpty();
        get(manager(mall), "/api/v1/malls/{mall}/escalation-messages?size=0", mall).expectStatus().isBadRequest();
    }

    private PendingEvent escalation(String mall, String workOrderId, String targets) {
        return new PendingEvent(UUID.randomUUID().toString(), ESCALATED, TOPIC, "req-" + mall, workOrderId, mall,
                "req-" + mall, Instant.now(), data(workOrderId, targets));
    }

    private static String data(String workOrderId, String targets) {
        return """
                {"workOrderId":"%s","requestId":"req-1","requestNumber":"M-0001","department":"ENGINEERING",
                 "status":"ASSIGNED","occurredAt":"%s","level":2,"toRole":"CS_HEAD","reason":"兩天未完成",
                 "rule":"COMPLETE","by":null,"targets":%s}""".formatted(workOrderId, Instant.now(), targets);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String mall, String query) {
        return (List<Map<String, Object>>) get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/escalation-messages" + query,
                mall).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("items");
    }

    private void useGateway(String mall, String url) {
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.platformAdmin()))
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT30M", "timeZone", "Asia/Shanghai",
                        "gatewayUrl", url))
                .exchange().expectStatus().isOk();
    }
}
