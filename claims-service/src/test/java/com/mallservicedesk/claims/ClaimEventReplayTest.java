package com.mallservicedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.test.ManagementEndpoints;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Intake's registrations delivered twice (the same event, or the same registration as a new event) and out of order:
 * a claim file that has moved on is not changed by them, and an archived file takes no late links.
 */
class ClaimEventReplayTest extends ClaimsIntegrationTest {

    private final String mall = newMall();
    /** Every event of a test has this record key: one partition, handled in the order sent. */
    private final String key = UUID.randomUUID().toString();

    private PendingEvent registered(String requestId, String kind, String floor, Instant receivedAt) {
        String data = """
                {"requestId":"%s","number":"%s-20261120-0001","channel":"INTERCOM","kind":"%s",
                 "description":"顧客在扶梯旁滑倒","location":{"floor":"%s","zone":"A"},
                 "receivedAt":"%s","status":"REGISTERED","owner":{"id":"u1","name":"前台"}}
                """.formatted(requestId, mall, kind, floor, receivedAt);
        return TestEvents.resend(kafka, new PendingEvent(UUID.randomUUID().toString(),
                "mall.intake.request.registered.v1", "intake.requests.v1", key, requestId, mall, key, Instant.now(), data));
    }

    /** An incident elsewhere with the same key, sent last: once its claim is open, everything before was handled. */
    private void afterEverythingSentSoFar() {
        String sentinel = UUID.randomUUID().toString();
        registered(sentinel, "INCIDENT", "SENTINEL", Instant.now());
        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.supervisor(mall),
                "/api/v1/malls/{mall}/claims/claim-{id}", mall, sentinel).expectStatus().isOk());
    }

    private Map<String, Object> claimOf(String requestId) {
        return await().atMost(shortly()).until(() -> get(TestTokens.supervisor(mall),
                "/api/v1/malls/{mall}/claims/claim-{id}", mall, requestId).returnResult(MAP).getResponseBody().blockFirst(),
                c -> c != null && ("claim-" + requestId).equals(c.get("id")));
    }

    @Test
    void aRegistrationReplayedAfterTheClaimMovedOnChangesNothingAndOpensNothing() {
        String incident = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(600);
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            PendingEvent first = registered(incident, "INCIDENT", "2F", at);
            claimOf(incident);
            String id = "claim-" + incident;
            put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/handler",
                    Map.of("handlerId", "h2", "handlerName", "理赔专员"), mall, id).expectStatus().isOk();
            var facts = slipFacts();
            facts.put("account", "补充后的经过");
            put(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/facts", facts, mall, id).expectStatus().isOk();
            post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/stage",
                    Map.of("stage", "ARCHIVED", "outcome", "CLOSED_WITHOUT_CLAIM"), mall, id).expectStatus().isOk();
            Map<String, Object> before = claimOf(incident);

            TestEvents.resend(kafka, first);
            registered(incident, "INCIDENT", "2F", at);
            afterEverythingSentSoFar();

            assertThat(claimOf(incident)).isEqualTo(before);
            await().atMost(shortly()).during(java.time.Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(ofType(probe.records(), incident, "mall.claims.claim.opened.v1")).hasSize(1));
        }
    }

    @Test
    void theSameRegistrationsDeliveredTwiceOpenOneClaimCountItOnceAndLinkEachRequestOnce() {
        String earlier = UUID.randomUUID().toString();
        String incident = UUID.randomUUID().toString();
        String lateArrival = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(600);
        try (TopicProbe probe = TopicProbe.on("claims.claims.v1")) {
            registered(earlier, "REPAIR", "5F", at.minusSeconds(300));
            PendingEvent opening = registered(incident, "INCIDENT", "5F", at);
            // Redeliveries: the same records, the same event ids.
            TestEvents.resend(kafka, opening);
            // Received before the incident, its event arrives after it: linked by the request's side.
            PendingEvent lateRequest = registered(lateArrival, "COMPLAINT", "5F", at.minusSeconds(120));
            TestEvents.resend(kafka, lateRequest);
            afterEverythingSentSoFar();

            List<Object> linked = ((List<?>) claimOf(incident).get("linkedRequests")).stream()
                    .map(l -> ((Map<?, ?>) l).get("requestId")).map(Object.class::cast).toList();
            assertThat(linked).containsExactly(earlier, lateArrival);
            await().atMost(shortly()).during(java.time.Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(ofType(probe.records(), incident, "mall.claims.claim.opened.v1")).hasSize(1));
            // Counted once: this incident's claim and the sentinel's.
            await().atMost(shortly()).untilAsserted(() -> assertThat(ManagementEndpoints.prometheus(environment))
                    .contains("msd_claims_opened_total{application=\"claims-service\",mall=\"" + mall + "\"} 2.0")
                    .contains("msd_claims_current{application=\"claims-service\",mall=\"" + mall
                            + "\",stage=\"IMMEDIATE_ACTION\"} 2.0"));
            // Harmless to repeat by its own writes: the inbox neither checks nor records the registration.
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is("claims.open/" + opening.eventId())),
                    ProcessedEvent.COLLECTION).block()).isFalse();
        }
    }

    @Test
    void anEarlierRequestAtThePlaceArrivingAfterTheFileWasArchivedLeavesTheFileAsArchived() {
        String incident = UUID.randomUUID().toString();
        Instant fall = Instant.now().minusSeconds(600);
        registered(incident, "INCIDENT", "3F", fall);
        String id = (String) claimOf(incident).get("id");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/stage",
                Map.of("stage", "ARCHIVED", "outcome", "CLOSED_WITHOUT_CLAIM"), mall, id).expectStatus().isOk();
        Map<String, Object> archived = claimOf(incident);

        registered(UUID.randomUUID().toString(), "REPAIR", "3F", fall.minusSeconds(300));
        afterEverythingSentSoFar();

        assertThat(claimOf(incident)).isEqualTo(archived);
        assertThat((List<?>) archived.get("linkedRequests")).isEmpty();
    }
}
