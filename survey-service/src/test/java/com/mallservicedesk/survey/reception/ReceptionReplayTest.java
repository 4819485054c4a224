package com.mallservicedesk.survey.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The events behind the monthly reception figures sent twice (as new events: the inbox alone cannot recognise them)
 * and out of order: every counter counts a fact once, and an old event never rewinds what a newer one set.
 */
class ReceptionReplayTest extends SurveyIntegrationTest {

    private final String mall = newMall();

    @Autowired
    private ReactiveMongoTemplate mongo;

    private JsonNode report() {
        String body = web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    private void workOrder(String key, String workOrderId, String event, Map<String, Object> fields) {
        Map<String, Object> data = map("workOrderId", workOrderId, "requestId", key, "requestNumber", "n",
                "department", "ENGINEERING");
        data.putAll(fields);
        send("dispatch.work-orders.v1", "mall.dispatch.work-order." + event + ".v1", mall, workOrderId, key, data);
    }

    @Test
    void workOrderEventsReplayedAndOutOfOrderCountOnceAndNeverRewindTheOrder() {
        String key = UUID.randomUUID().toString();
        String order = "wo-" + key;
        workOrder(key, order, "created", map("kind", "REPAIR", "orderedAt", "2026-10-05T02:00:00Z", "status", "ASSIGNED",
                "occurredAt", "2026-10-05T02:00:00Z"));
        Map<String, Object> accepted = map("status", "ACCEPTED", "occurredAt", "2026-10-05T02:10:00Z", "round", 1);
        workOrder(key, order, "accepted", accepted);
        Map<String, Object> escalated = map("status", "ACCEPTED", "occurredAt", "2026-10-05T03:00:00Z", "level", 1,
                "toRole", "DEPARTMENT_HEAD", "rule", "REPAIR_48H");
        workOrder(key, order, "escalated", escalated);
        Map<String, Object> firstCompletion = map("kind", "REPAIR", "orderedAt", "2026-10-05T02:00:00Z",
                "completedAt", "2026-10-05T04:00:00Z", "status", "COMPLETED", "occurredAt", "2026-10-05T04:00:00Z",
                "round", 1);
        workOrder(key, order, "completed", firstCompletion);
        Map<String, Object> reopened = map("status", "ASSIGNED", "occurredAt", "2026-10-06T02:00:00Z", "round", 2,
                "reason", "顾客不满意");
        workOrder(key, order, "reopened", reopened);
        workOrder(key, order, "completed", map("kind", "REPAIR", "orderedAt", "2026-10-05T02:00:00Z",
                "completedAt", "2026-10-06T03:00:00Z", "status", "COMPLETED", "occurredAt", "2026-10-06T03:00:00Z",
                "round", 2));

        // The same events again, as new events, older than what the order has seen since.
        workOrder(key, order, "escalated", escalated);
        workOrder(key, order, "accepted", accepted);
        workOrder(key, order, "completed", firstCompletion);
        workOrder(key, order, "reopened", reopened);
        // Last, with the same key: once it shows, every event before it was handled.
        workOrder(key, order + "-sentinel", "created", map("kind", "REPAIR", "orderedAt", "2026-10-07T02:00:00Z",
                "status", "ASSIGNED", "occurredAt", "2026-10-07T02:00:00Z", "department", "SENTINEL"));
        await().untilAsserted(() -> assertThat(report().at("/openItems/byDepartmentNow/SENTINEL/open").asLong()).isEqualTo(1));

        JsonNode report = report();
        assertThat(report.at("/serviceLevels/escalations").asLong()).isEqualTo(1);
        assertThat(report.at("/workTime/reopened").asLong()).isEqualTo(1);
        assertThat(report.at("/workTime/completed").asLong()).isEqualTo(1);
        // Work time runs from the first order to the latest completion (seed 001 §二.4): 25 hours.
        assertThat(report.at("/workTime/averageMinutes").asDouble()).isEqualTo(1500.0);
        // Only the sentinel is open: the replayed acceptance and reopening did not reopen the completed order.
        assertThat(report.at("/openItems/workOrdersNow").asLong()).isEqualTo(1);
        assertThat(report.at("/openItems/workOrdersFromMonth").asLong()).isEqualTo(1);
    }

    /** Whether the inbox kept a processed-event record of the event for the request consumer. */
    private boolean recorded(PendingEvent event) {
        var byKey = Query.query(Criteria.where("_id").is("survey.reception-requests/" + event.eventId()));
        return Boolean.TRUE.equals(mongo.exists(byKey, ProcessedEvent.COLLECTION).block());
    }

    @Test
    void theSameRegistrationDeliveredTwiceIsCountedOnceWithoutTheInboxsRecord() {
        String key = UUID.randomUUID().toString();
        PendingEvent registration = send("intake.requests.v1", "mall.intake.request.registered.v1", mall, key, key,
                map("requestId", key, "number", "n", "channel", "PHONE", "kind", "REPAIR",
                        "receivedAt", "2026-10-12T02:00:00Z", "status", "REGISTERED"));
        // A redelivery: the same record, the same event id.
        TestEvents.resend(kafka, registration);
        String sentinel = UUID.randomUUID().toString();
        send("intake.requests.v1", "mall.intake.request.registered.v1", mall, sentinel, key, map("requestId", sentinel,
                "number", "n2", "channel", "PHONE", "kind", "CONSULTATION", "receivedAt", "2026-10-12T03:00:00Z",
                "status", "REGISTERED"));
        await().untilAsserted(() -> assertThat(report().at("/requests/byKind/CONSULTATION").asLong()).isEqualTo(1));

        JsonNode report = report();
        assertThat(report.at("/requests/total").asLong()).isEqualTo(2);
        assertThat(report.at("/requests/byKind/REPAIR").asLong()).isEqualTo(1);
        assertThat(report.at("/requests/byChannel/PHONE").asLong()).isEqualTo(2);
        assertThat(report.at("/openItems/requestsNow").asLong()).isEqualTo(2);
        // The registration's own insert-once makes the repeat harmless: the inbox neither checks nor records it ...
        assertThat(recorded(registration)).isFalse();
        // ... while the request's other events keep their record.
        PendingEvent closed = send("intake.requests.v1", "mall.intake.request.closed.v1", mall, key, key,
                map("requestId", key, "number", "n", "closedAt", "2026-10-12T04:00:00Z", "reason", "ANSWERED_ON_SPOT"));
        await().untilAsserted(() -> assertThat(recorded(closed)).isTrue());
        assertThat(report().at("/openItems/requestsNow").asLong()).isEqualTo(1);
    }

    @Test
    void aRequestClosedBeforeItsRegistrationArrivesIsCountedOnceAndNotLeftOpen() {
        String key = UUID.randomUUID().toString();
        send("intake.requests.v1", "mall.intake.request.closed.v1", mall, key, key,
                map("requestId", key, "number", "n", "closedAt", "2026-10-10T03:00:00Z", "reason", "ANSWERED_ON_SPOT"));
        Map<String, Object> registration = map("requestId", key, "number", "n", "channel", "PHONE", "kind", "COMPLAINT",
                "receivedAt", "2026-10-10T02:00:00Z", "status", "REGISTERED");
        send("intake.requests.v1", "mall.intake.request.registered.v1", mall, key, key, registration);
        send("intake.requests.v1", "mall.intake.request.registered.v1", mall, key, key, registration);
        String sentinel = UUID.randomUUID().toString();
        send("intake.requests.v1", "mall.intake.request.registered.v1", mall, sentinel, key, map("requestId", sentinel,
                "number", "n2", "channel", "PHONE", "kind", "REPAIR", "receivedAt", "2026-10-11T02:00:00Z",
                "status", "REGISTERED"));
        await().untilAsserted(() -> assertThat(report().at("/requests/byKind/REPAIR").asLong()).isEqualTo(1));

        JsonNode report = report();
        assertThat(report.at("/requests/total").asLong()).isEqualTo(2);
        assertThat(report.at("/complaints/received").asLong()).isEqualTo(1);
        assertThat(report.at("/complaints/answeredOnSpot").asLong()).isEqualTo(1);
        assertThat(report.at("/complaints/stillOpen").asLong()).isEqualTo(0);
        assertThat(report.at("/openItems/requestsNow").asLong()).isEqualTo(1);
    }

    @Test
    void aClaimArchivedBeforeItsOpeningArrivesIsCountedOpenedOnceAndNotLeftOpen() {
        String key = UUID.randomUUID().toString();
        String claim = "claim-" + key;
        send("claims.claims.v1", "mall.claims.claim.archived.v1", mall, claim, key, map("claimId", claim,
                "requestId", key, "outcome", "SETTLED", "archivedAt", "2026-10-20T02:00:00Z"));
        Map<String, Object> opened = map("claimId", claim, "requestId", key, "occurredAt", "2026-10-12T02:00:00Z");
        send("claims.claims.v1", "mall.claims.claim.opened.v1", mall, claim, key, opened);
        send("claims.claims.v1", "mall.claims.claim.opened.v1", mall, claim, key, opened);
        String sentinel = "claim-" + UUID.randomUUID();
        send("claims.claims.v1", "mall.claims.claim.opened.v1", mall, sentinel, key, map("claimId", sentinel,
                "requestId", "r", "occurredAt", "2026-10-13T02:00:00Z"));
        await().untilAsserted(() -> assertThat(report().at("/claims/openNow").asLong()).isGreaterThan(0));

        JsonNode report = report();
        assertThat(report.at("/claims/opened").asLong()).isEqualTo(2);
        assertThat(report.at("/claims/settled").asLong()).isEqualTo(1);
        assertThat(report.at("/claims/openNow").asLong()).isEqualTo(1);
    }

    @Test
    void aCallbackAnswerSentTwiceCountsOnceAndOlderStatisticsNeverReplaceNewerOnes() {
        var events = events(mall);
        String callback = "cb-" + UUID.randomUUID();
        Map<String, Object> answer = map("callbackId", callback, "requestId", "r", "kind", "REPAIR",
                "department", "ENGINEERING", "timeliness", "SATISFIED", "attitude", "SATISFIED", "quality", "DISSATISFIED",
                "satisfied", false, "completedAt", "2026-10-15T02:00:00Z");
        send("callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, callback, callback, answer);
        send("callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, callback, callback, answer);
        events.callbackStatsAt(Instant.parse("2026-11-01T00:00:00Z"), "2026-10", null, 20, 19, 0.95, 0.9);
        events.callbackStatsAt(Instant.parse("2026-10-20T00:00:00Z"), "2026-10", null, 10, 5, 0.5, 0.5);
        await().untilAsserted(() -> assertThat(report().at("/callbacks/answered").asLong()).isEqualTo(1));
        await().untilAsserted(() -> assertThat(report().at("/callbacks/completionsNeedingCallback").asLong()).isEqualTo(20));
        String sentinel = "cb-" + UUID.randomUUID();
        answer.put("callbackId", sentinel);
        send("callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, sentinel, callback, answer);
        await().untilAsserted(() -> assertThat(report().at("/callbacks/answered").asLong()).isEqualTo(2));

        // The older statistics arrived last; they never replace the newer ones.
        await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(report().at("/callbacks/completionsNeedingCallback").asLong()).isEqualTo(20));
        web.get().uri("/api/v1/malls/{mall}/satisfaction?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .value(figures -> assertThat(figures).containsEntry("callbacks", 2));
    }
}
