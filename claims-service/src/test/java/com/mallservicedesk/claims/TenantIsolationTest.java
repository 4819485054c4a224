package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every claims endpoint, called by another mall: 403 on this mall's path, 404 for this mall's ids on its own path, and
 * nothing of this mall in the answers. Without a token: 401.
 */
class TenantIsolationTest extends ClaimsIntegrationTest {

    record Call(HttpMethod method, String path, Object body) {
    }

    @Test
    void noEndpointLetsAnotherMallSeeOrChangeAClaim() {
        String mall = newMall();
        String other = newMall();
        String id = (String) register(mall, slipFacts()).get("id");
        var evidence = body(web.post().uri("/api/v1/malls/{mall}/claims/{id}/evidence", mall, id)
                .headers(h -> h.setBearerAuth(frontDesk(mall))).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(TestFiles.upload(TestFiles.photo("png"), "a.png", MediaType.IMAGE_PNG,
                        "PHOTO").build()))
                .exchange().expectStatus().isCreated());
        var over = body(post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/advances",
                Map.of("amountCny", "2500", "purpose", "住院押金", "paidTo", "医院"), mall, id).expectStatus().isEqualTo(422));
        var cost = body(post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/costs",
                Map.of("kind", "医药费", "amountCny", "10"), mall, id).expectStatus().isCreated());

        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/claims/" + id, null),
                new Call(HttpMethod.PUT, "/claims/" + id + "/facts", slipFacts()),
                new Call(HttpMethod.PUT, "/claims/" + id + "/handler", Map.of("handlerId", "x", "handlerName", "x")),
                new Call(HttpMethod.POST, "/claims/" + id + "/checklist/AMBULANCE_CALLED", Map.of("status", "DONE")),
                new Call(HttpMethod.POST, "/claims/" + id + "/stage", Map.of("stage", "ARCHIVED",
                        "outcome", "CLOSED_WITHOUT_CLAIM")),
                new Call(HttpMethod.POST, "/claims/" + id + "/linked-requests", Map.of("requestId", "r-1")),
                new Call(HttpMethod.POST, "/claims/" + id + "/insurer-report", Map.of()),
                new Call(HttpMethod.POST, "/claims/" + id + "/insurer-report/phone",
                        Map.of("calledAt", Instant.now().minusSeconds(5).toString())),
                new Call(HttpMethod.POST, "/claims/" + id + "/advances", Map.of("amountCny", "10", "purpose", "x",
                        "paidTo", "y")),
                new Call(HttpMethod.POST, "/claims/" + id + "/advances/" + over.get("advanceId") + "/approve",
                        Map.of("reason", "x")),
                new Call(HttpMethod.GET, "/claims/" + id + "/evidence", null),
                new Call(HttpMethod.GET, "/claims/" + id + "/timeline", null),
                new Call(HttpMethod.GET, "/claims/" + id + "/evidence/" + evidence.get("id"), null),
                new Call(HttpMethod.POST, "/claims/" + id + "/witnesses", Map.of("name", "x", "contact", "y")),
                new Call(HttpMethod.POST, "/claims/" + id + "/costs", Map.of("kind", "x", "amountCny", "1")),
                new Call(HttpMethod.POST, "/claims/" + id + "/costs/" + cost.get("id") + "/settle",
                        Map.of("settledAmountCny", "1")),
                new Call(HttpMethod.GET, "/claims/" + id + "/incident-report", null));

        // A user of every role, but only of the other mall.
        String intruder = TestTokens.token("intruder", List.of(other), List.of("FRONT_DESK", "SUPERVISOR", "MANAGER"), null);
        for (Call call : calls) {
            exchange(call, mall, intruder).expectStatus().isForbidden();
            exchange(call, other, intruder).expectStatus().isNotFound();
            exchange(call, mall, null).expectStatus().isUnauthorized();
        }
        web.post().uri("/api/v1/malls/{mall}/claims/{id}/evidence", other, id)
                .headers(h -> h.setBearerAuth(intruder)).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(TestFiles.upload(TestFiles.photo("png"), "b.png", MediaType.IMAGE_PNG,
                        "PHOTO").build()))
                .exchange().expectStatus().isNotFound();
        get(intruder, "/api/v1/malls/{mall}/claims", other).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        get(intruder, "/api/v1/malls/{mall}/insurance-policy", mall).expectStatus().isForbidden();

        // Nothing changed in this mall's claim.
        var claim = claim(mall, id);
        assertThat(claim).containsEntry("stage", "IMMEDIATE_ACTION").containsEntry("handlerId", "front-desk-" + mall)
                .containsEntry("phoneReport", null);
        assertThat((List<?>) claim.get("evidence")).hasSize(1);
        assertThat((List<?>) claim.get("witnesses")).isEmpty();
        String metrics = ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(metrics).doesNotContain("mall=\"" + other + "\"");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec exchange(Call call, String mallId,
                                                                                           String token) {
        var spec = web.method(call.method()).uri("/api/v1/malls/" + mallId + call.path())
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                });
        return call.body() == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body()).exchange();
    }
}
