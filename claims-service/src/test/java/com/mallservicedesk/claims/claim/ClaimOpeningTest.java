package com.mallservicedesk.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.PlatformServiceTest;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformServiceTest
class ClaimOpeningTest {

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ClaimRepository claims;

    private final String mall = "CL" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void anIncidentOpensOneClaimFileAndAnnouncesIt() {
        String requestId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            PendingEvent registered = registered(requestId, "INCIDENT");
            TestEvents.resend(kafka, registered);

            await().untilAsserted(() -> assertThat(probe.records()).anySatisfy(record -> {
                assertThat(CloudEventHeaders.read(record.headers(), "ce_type")).isEqualTo("mall.claims.claim.opened.v1");
                assertThat(CloudEventHeaders.read(record.headers(), "ce_mallid")).isEqualTo(mall);
                assertThat(record.key()).isEqualTo(requestId);
                assertThat(record.value()).contains("\"claimId\":\"claim-" + requestId + "\"");
            }));
        }
        assertThat(claims.findByMallId(mall, Sort.unsorted()).collectList().block()).singleElement()
                .satisfies(claim -> {
                    assertThat(claim.getStatus()).isEqualTo(ClaimStatus.OPEN);
                    assertThat(claim.getLocation().floor()).isEqualTo("1F");
                    assertThat(claim.getDescription()).isEqualTo("顧客在扶梯旁滑倒");
                });

        web.get().uri("/api/v1/malls/{mall}/claims/claim-{id}", mall, requestId)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.requestId").isEqualTo(requestId).jsonPath("$.outbox").doesNotExist();
        web.get().uri("/api/v1/malls/{mall}/claims/claim-{id}", "OTHER", requestId)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor("OTHER")))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/malls/{mall}/claims", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor("OTHER")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/claims", mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "SECURITY")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("msd_claims_opened_total{application=\"claims-service\",mall=\"" + mall + "\"} 1.0"));
    }

    @Test
    void otherKindsOfRequestOpenNoClaim() {
        String repair = UUID.randomUUID().toString();
        String incident = UUID.randomUUID().toString();
        registered(repair, "REPAIR");
        registered(incident, "INCIDENT");

        // Same key order is not guaranteed across requests: wait for the incident, then check the repair.
        await().untilAsserted(() -> assertThat(claims.findByIdAndMallId("claim-" + incident, mall).block()).isNotNull());
        assertThat(claims.findByIdAndMallId("claim-" + repair, mall).block()).isNull();
    }

    private PendingEvent registered(String requestId, String kind) {
        String data = """
                {"requestId":"%s","number":"%s-20261120-0001","channel":"INTERCOM","kind":"%s",
                 "description":"顧客在扶梯旁滑倒","location":{"floor":"1F","zone":"Atrium"},
                 "receivedAt":"2026-11-20T06:30:00Z","status":"REGISTERED","owner":{"id":"u1","name":"前台"}}
                """.formatted(requestId, mall, kind);
        return TestEvents.send(kafka, "intake.requests.v1", "mall.intake.request.registered.v1", mall, requestId,
                requestId, data);
    }
}
