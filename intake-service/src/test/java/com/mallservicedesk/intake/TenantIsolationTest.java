package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Every endpoint: another mall's token gets 403, another mall's ids get 404, lists show nothing of another mall. */
class TenantIsolationTest extends IntakeIntegrationTest {

    @Test
    void noEndpointLetsOneMallSeeOrTouchAnothersData() {
        String mallA = newMall();
        String mallB = newMall();
        String requestId = (String) repair(mallA, "1F", "A", "13800000099").get("id");
        String otherRequestId = (String) repair(mallA, "2F", "A", "13800000098").get("id");
        String tenantId = (String) post(TestTokens.frontDesk(mallA), "/api/v1/malls/{mall}/tenants",
                Map.of("name", "A店", "kind", "COUNTER", "floor", "1F"), mallA)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        String noticeId = (String) post(TestTokens.frontDesk(mallA), "/api/v1/malls/{mall}/notices",
                Map.of("kind", "POWER", "startsAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(60).toString(),
                        "message", "停電"), mallA)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        String deliveryId = noticeId + ":" + tenantId;

        var request = Map.of("channel", "PHONE", "kind", "REPAIR", "description", "x", "anonymous", true);
        var tenant = Map.of("name", "B店", "kind", "COUNTER", "floor", "1F");
        var notice = Map.of("kind", "POWER", "startsAt", Instant.now().toString(),
                "endsAt", Instant.now().plusSeconds(60).toString(), "message", "停電");
        var settings = Map.of("acceptanceLimit", "PT1M", "duplicateWindow", "PT1M", "timeZone", "UTC");
        List<Call> calls = List.of(
                new Call(HttpMethod.POST, "/requests", request, false),
                new Call(HttpMethod.GET, "/requests", null, false),
                new Call(HttpMethod.GET, "/requests/" + requestId, null, true),
                new Call(HttpMethod.POST, "/requests/" + requestId + "/accept", Map.of(), true),
                new Call(HttpMethod.POST, "/requests/" + requestId + "/cancel", Map.of("reason", "x"), true),
                new Call(HttpMethod.POST, "/requests/" + requestId + "/merge", Map.of("parentId", otherRequestId), true),
                new Call(HttpMethod.POST, "/channels/WECHAT/messages", Map.of("description", "x"), false),
                new Call(HttpMethod.GET, "/settings", null, false),
                new Call(HttpMethod.PUT, "/settings", settings, false),
                new Call(HttpMethod.POST, "/tenants", tenant, false),
                new Call(HttpMethod.GET, "/tenants", null, false),
                new Call(HttpMethod.GET, "/tenants/" + tenantId, null, true),
                new Call(HttpMethod.PUT, "/tenants/" + tenantId, tenant, true),
                new Call(HttpMethod.POST, "/notices", notice, false),
                new Call(HttpMethod.GET, "/notices", null, false),
                new Call(HttpMethod.GET, "/notices/" + noticeId, null, true),
                new Call(HttpMethod.GET, "/notices/" + noticeId + "/deliveries", null, true),
                new Call(HttpMethod.POST, "/notices/" + noticeId + "/deliveries/" + deliveryId + "/ack", Map.of(), true));

        // A supervisor who may do everything the endpoints allow, but only in mall B.
        String tokenB = TestTokens.token("sup-b", List.of(mallB), List.of("SUPERVISOR", "FRONT_DESK", "MANAGER"), null);
        for (Call call : calls) {
            call(tokenB, call, mallA).expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
            if (call.namesAnId()) {
                call(tokenB, call, mallB).expectStatus().isNotFound();
            }
        }

        get(tokenB, "/api/v1/malls/{mall}/requests", mallB).expectStatus().isOk().expectBody(MAP)
                .value(page -> assertThat(page.toString()).doesNotContain(requestId).doesNotContain(otherRequestId));
        get(tokenB, "/api/v1/malls/{mall}/tenants", mallB).expectStatus().isOk().expectBody(MAP)
                .value(page -> assertThat(page.toString()).doesNotContain(tenantId));
        get(tokenB, "/api/v1/malls/{mall}/notices", mallB).expectStatus().isOk().expectBody(String.class)
                .value(list -> assertThat(list).doesNotContain(noticeId));
        get(TestTokens.frontDesk(mallA), "/api/v1/malls/{mall}/settings", mallA).expectStatus().isOk()
                .expectBody().jsonPath("$.timeZone").isEqualTo("Asia/Shanghai").jsonPath("$.defaults").isEqualTo(true);
        // Nothing the 404 attempts did changed mall A's request.
        assertThat(request(mallA, requestId).get("status")).isEqualTo("REGISTERED");
    }

    private record Call(HttpMethod method, String path, Object body, boolean namesAnId) {
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec call(String token, Call call, String mall) {
        var spec = web.method(call.method()).uri("/api/v1/malls/" + mall + call.path())
                .headers(h -> h.setBearerAuth(token));
        return call.body() == null ? spec.exchange() : spec.bodyValue(call.body()).exchange();
    }
}
