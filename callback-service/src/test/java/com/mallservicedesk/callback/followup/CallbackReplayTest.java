package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Work-order completions delivered twice (the same event again, or the same completion as a new event) and out of
 * order: one callback per round, and none for a round a later round has already replaced.
 */
class CallbackReplayTest extends CallbackIntegrationTest {

    private final String mall = newMall();

    /**
     * A completion of another work order with the same record key, sent last: the listener handles one partition's
     * records in order, so once its callback exists every earlier record has been handled.
     */
    private void afterEverythingSentSoFar(String requestId) {
        String sentinel = "wo-" + requestId + "-sentinel";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workOrderId", sentinel);
        data.put("requestId", requestId);
        data.put("kind", "REPAIR");
        data.put("department", "ENGINEERING");
        data.put("completedAt", clock.instant().toString());
        data.put("customer", Map.of("name", "陳先生", "phone", "13900000000"));
        data.put("round", 1);
        TestEvents.send(kafka, WORK_ORDERS, "mall.dispatch.work-order.completed.v1", mall, sentinel, requestId,
                json.writeValueAsString(data));
        awaitCallback(mall, "cb-" + sentinel + "-1");
    }

    private List<Map<String, Object>> callbacksOf(String requestId) {
        Map<String, Object> page = web.get().uri("/api/v1/malls/{mall}/callbacks?size=200", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(c -> ("wo-" + requestId).equals(c.get("workOrderId"))).toList();
    }

    @Test
    void anOldRoundsCompletionReplayedAfterTheReopenedOrderWasCompletedAgainChangesNothing() {
        String requestId = UUID.randomUUID().toString();
        Instant firstCompletion = clock.instant().minus(Duration.ofHours(3));
        PendingEvent roundOne = completeWork(mall, requestId, "REPAIR", 1, firstCompletion);
        String first = callbackIdFor(requestId, 1);
        awaitCallback(mall, first);
        answer(mall, first, repairAnswers("SATISFIED", "SATISFIED", "DISSATISFIED")).expectStatus().isOk();
        completeWork(mall, requestId, "REPAIR", 2, clock.instant());
        String second = callbackIdFor(requestId, 2);
        awaitCallback(mall, second);
        org.awaitility.Awaitility.await().until(() -> second.equals(callback(mall, first).get("nextCallbackId")));
        Map<String, Object> firstBefore = callback(mall, first);
        Map<String, Object> secondBefore = callback(mall, second);

        TestEvents.resend(kafka, roundOne);
        completeWork(mall, requestId, "REPAIR", 1, firstCompletion);
        afterEverythingSentSoFar(requestId);

        assertThat(callbacksOf(requestId)).extracting(c -> c.get("id")).containsExactlyInAnyOrder(first, second);
        assertThat(callback(mall, first)).isEqualTo(firstBefore);
        assertThat(callback(mall, second)).isEqualTo(secondBefore);
        String from = java.time.YearMonth.from(firstCompletion.atZone(SHANGHAI)).toString();
        String to = java.time.YearMonth.from(clock.instant().atZone(SHANGHAI)).toString();
        // The two rounds and the sentinel: once the sentinel is counted, the replays had their chance to count.
        Object needing = org.awaitility.Awaitility.await().until(() -> web.get()
                .uri("/api/v1/malls/{mall}/callbacks/stats?from={from}&to={to}", mall, from, to)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody().get("figures") instanceof Map<?, ?> figures ? figures.get("completionsNeedingCallback") : 0,
                n -> ((Number) n).intValue() >= 3);
        assertThat(((Number) needing).intValue()).isEqualTo(3);
    }

    @Test
    void aCompletionOfAnEarlierRoundArrivingAfterALaterOneGetsNoCallback() {
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        completeWork(mall, requestId, "REPAIR", 2, now);
        completeWork(mall, requestId, "REPAIR", 1, now.minus(Duration.ofHours(5)));
        afterEverythingSentSoFar(requestId);

        assertThat(callbacksOf(requestId)).extracting(c -> c.get("id")).containsExactly(callbackIdFor(requestId, 2));
        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, callbackIdFor(requestId, 1))
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange().expectStatus().isNotFound();
    }
}
