package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** INCIDENT requests from intake open one claim file each; earlier requests at the same place are linked into it. */
class ClaimOpeningTest extends ClaimsIntegrationTest {

    private final String mall = newMall();

    @Test
    void anIncidentOpensOneClaimFileAndAnnouncesIt() {
        String requestId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            PendingEvent registered = registered(requestId, "INCIDENT", "1F", "Atrium", Instant.parse("2026-11-20T06:30:00Z"));
            TestEvents.resend(kafka, registered);

            await().atMost(shortly()).untilAsserted(() -> assertThat(probe.records()).anySatisfy(record -> {
                assertThat(CloudEventHeaders.read(record.headers(), "ce_type")).isEqualTo("mall.claims.claim.opened.v1");
                assertThat(CloudEventHeaders.read(record.headers(), "ce_mallid")).isEqualTo(mall);
                assertThat(record.key()).isEqualTo(requestId);
                assertThat(record.value()).contains("\"claimId\":\"claim-" + requestId + "\"")
                        .contains("\"requestId\":\"" + requestId + "\"").contains("\"occurredAt\"")
                        .contains("\"location\":{\"floor\":\"1F\"");
            }));
            assertThat(ofType(probe.records(), requestId, "mall.claims.claim.opened.v1")).hasSize(1);
        }

        var claim = body(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/claim-{id}", mall, requestId)
                .expectStatus().isOk());
        assertThat(claim).containsEntry("requestId", requestId).containsEntry("status", "OPEN")
                .containsEntry("stage", "IMMEDIATE_ACTION").containsEntry("description", "顧客在扶梯旁滑倒")
                .containsEntry("handlerId", "u1").doesNotContainKey("outbox").doesNotContainKey("timerOutbox");
        assertThat(((Map<?, ?>) claim.get("location")).get("floor")).isEqualTo("1F");
        assertThat((List<?>) claim.get("checklist")).hasSizeGreaterThan(20);

        get(TestTokens.supervisor("OTHER"), "/api/v1/malls/{mall}/claims/claim-{id}", "OTHER", requestId)
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("claim-not-found");
        get(TestTokens.supervisor("OTHER"), "/api/v1/malls/{mall}/claims", mall).expectStatus().isForbidden();
        get(TestTokens.deptStaff(mall, "SECURITY"), "/api/v1/malls/{mall}/claims", mall).expectStatus().isForbidden();
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims", mall).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo("claim-" + requestId)
                .jsonPath("$.items[0].injured").doesNotExist();
        ManagementEndpoints.client(environment).get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("msd_claims_opened_total{application=\"claims-service\",mall=\"" + mall + "\"} 1.0"));
    }

    @Test
    void otherKindsOfRequestOpenNoClaim() {
        String repair = UUID.randomUUID().toString();
        String incident = UUID.randomUUID().toString();
        registered(repair, "REPAIR", "2F", "B", Instant.now());
        registered(incident, "INCIDENT", "3F", "C", Instant.now());

        // Same key order is not guaranteed across requests: wait for the incident, then check the repair.
        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.supervisor(mall),
                "/api/v1/malls/{mall}/claims/claim-{id}", mall, incident).expectStatus().isOk());
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/claim-{id}", mall, repair).expectStatus().isNotFound();
    }

    @Test
    void aSpillReportedAtTheSamePlaceBeforeTheFallIsLinkedIntoTheClaimFile() {
        Instant fall = Instant.now().minusSeconds(60);
        String spill = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String longBefore = UUID.randomUUID().toString();
        String incident = UUID.randomUUID().toString();
        registered(spill, "REPAIR", "B1", "Food Court", fall.minusSeconds(20 * 60));
        registered(elsewhere, "REPAIR", "B1", "Car Park", fall.minusSeconds(10 * 60));
        registered(longBefore, "REPAIR", "B1", "Food Court", fall.minusSeconds(3 * 24 * 3600));
        registered(incident, "INCIDENT", "b1", "food court", fall);

        await().atMost(shortly()).untilAsserted(() -> assertThat(linked(incident)).containsExactly(spill));

        // The other order: a request whose event arrives after the incident's is still linked.
        String late = UUID.randomUUID().toString();
        registered(late, "COMPLAINT", "B1", "Food Court", fall.minusSeconds(5 * 60));
        await().atMost(shortly()).untilAsserted(() -> assertThat(linked(incident)).containsExactlyInAnyOrder(spill, late));
    }

    @Test
    void requestsAtThePlaceOnEitherSideOfMidnightAreLinkedWhicheverArrivesFirst() {
        // The window reaches over midnight: requests of the fall's own day and of the day before are both in it.
        String key = UUID.randomUUID().toString();
        Instant fall = Instant.parse("2026-11-20T00:10:00Z");
        String incident = UUID.randomUUID().toString();
        String dayBefore = UUID.randomUUID().toString();
        String sameDay = UUID.randomUUID().toString();
        String outsideWindow = UUID.randomUUID().toString();
        String afterTheFall = UUID.randomUUID().toString();
        registered(key, dayBefore, "REPAIR", "L2", "East", Instant.parse("2026-11-19T23:50:00Z"));
        registered(key, sameDay, "REPAIR", "L2", "East", Instant.parse("2026-11-20T00:05:00Z"));
        registered(key, outsideWindow, "REPAIR", "L2", "East", Instant.parse("2026-11-18T23:00:00Z"));
        registered(key, afterTheFall, "REPAIR", "L2", "East", Instant.parse("2026-11-20T00:20:00Z"));
        registered(key, incident, "INCIDENT", "L2", "East", fall);
        await().atMost(shortly()).untilAsserted(() ->
                assertThat(linked(incident)).containsExactlyInAnyOrder(dayBefore, sameDay));

        // The other order, on either side of midnight: the requests' side finds the incident.
        String lateDayBefore = UUID.randomUUID().toString();
        String lateSameDay = UUID.randomUUID().toString();
        registered(key, lateDayBefore, "COMPLAINT", "L2", "East", Instant.parse("2026-11-19T23:55:00Z"));
        registered(key, lateSameDay, "COMPLAINT", "L2", "East", Instant.parse("2026-11-20T00:07:00Z"));
        // Sent last with the same key: once its claim is open, everything before was handled.
        String sentinel = UUID.randomUUID().toString();
        registered(key, sentinel, "INCIDENT", "L9", "East", fall);
        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.supervisor(mall),
                "/api/v1/malls/{mall}/claims/claim-{id}", mall, sentinel).expectStatus().isOk());
        assertThat(linked(incident)).containsExactlyInAnyOrder(dayBefore, sameDay, lateDayBefore, lateSameDay);
    }

    private List<Object> linked(String incident) {
        var claim = body(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/claim-{id}", mall, incident)
                .expectStatus().isOk());
        return ((List<?>) claim.get("linkedRequests")).stream().map(l -> ((Map<?, ?>) l).get("requestId"))
                .map(Object.class::cast).toList();
    }

    private PendingEvent registered(String requestId, String kind, String floor, String zone, Instant receivedAt) {
        String data = """
                {"requestId":"%s","number":"%s-20261120-0001","channel":"INTERCOM","kind":"%s",
                 "description":"顧客在扶梯旁滑倒","location":{"floor":"%s","zone":"%s"},
                 "receivedAt":"%s","status":"REGISTERED","owner":{"id":"u1","name":"前台"}}
                """.formatted(requestId, mall, kind, floor, zone, receivedAt);
        return TestEvents.send(kafka, "intake.requests.v1", "mall.intake.request.registered.v1", mall, requestId,
                requestId, data);
    }

    /** With a record key shared by several registrations: one partition, handled in the order sent. */
    private void registered(String key, String requestId, String kind, String floor, String zone, Instant receivedAt) {
        String data = """
                {"requestId":"%s","number":"%s-20261120-0002","channel":"INTERCOM","kind":"%s",
                 "description":"地面有积水","location":{"floor":"%s","zone":"%s"},
                 "receivedAt":"%s","status":"REGISTERED","owner":{"id":"u1","name":"前台"}}
                """.formatted(requestId, mall, kind, floor, zone, receivedAt);
        TestEvents.resend(kafka, new PendingEvent(UUID.randomUUID().toString(), "mall.intake.request.registered.v1",
                "intake.requests.v1", key, requestId, mall, key, Instant.now(), data));
    }
}
