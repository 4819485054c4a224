package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events replayed or delivered in the wrong order never open a closed request's order or move an order back. */
class OutOfOrderEventsTest extends DispatchIntegrationTest {

    /** Opening orders is repeatable (no processed-event records): wait for the group to pass the event. */
    private static final String INTAKE_GROUP = "dispatch-service";
    private static final String CALLBACK_CONSUMER = "dispatch.reopen";

    private final String mall = newMall();
    private final String staff = TestTokens.deptStaff(mall, "CUSTOMER_SERVICE");

    private Map<String, Object> registeredData(String requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("number", mall + "-20261125-0001");
        data.put("channel", "PHONE");
        data.put("kind", "REPAIR");
        data.put("description", "電梯異響");
        data.put("customer", Map.of("name", "王小姐", "phone", "13800000000"));
        data.put("receivedAt", Instant.now().toString());
        data.put("acceptedAt", clock.instant().toString());
        data.put("status", "REGISTERED");
        return data;
    }

    private PendingEvent registered(String requestId) {
        return send(REQUESTS, "mall.intake.request.registered.v1", mall, requestId, requestId, registeredData(requestId));
    }

    private void notFound(String workOrderId) {
        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, workOrderId)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isNotFound();
    }

    private PendingEvent callback(String callbackId, String workOrderId, int round, boolean satisfied) {
        Map<String, Object> data = new HashMap<>(Map.of("callbackId", callbackId, "requestId", workOrderId.substring(3),
                "workOrderId", workOrderId, "kind", "REPAIR", "department", "CUSTOMER_SERVICE", "round", round,
                "satisfied", satisfied, "completedAt", Instant.now().toString()));
        return send(CALLBACKS, "mall.callback.callback.completed.v1", mall, callbackId, workOrderId.substring(3), data);
    }

    @Test
    void aRegisteredEventArrivingAfterTheCancellationOpensNoOrder() {
        String requestId = UUID.randomUUID().toString();
        send(REQUESTS, "mall.intake.request.cancelled.v1", mall, requestId, requestId,
                Map.of("requestId", requestId, "reason", "顧客撤回"));
        awaitConsumed(INTAKE_GROUP, registered(requestId));
        notFound("wo-" + requestId);
        // The same for a duplicate merged before dispatch saw it registered.
        String duplicate = UUID.randomUUID().toString();
        send(REQUESTS, "mall.intake.request.merged.v1", mall, duplicate, duplicate,
                Map.of("requestId", duplicate, "parentRequestId", UUID.randomUUID().toString()));
        awaitConsumed(INTAKE_GROUP, registered(duplicate));
        notFound("wo-" + duplicate);
        assertThat(publishedAbout("wo-" + requestId)).isEmpty();
    }

    @Test
    void aReplayedRegisteredOrCancelledEventChangesNothingOnACompletedOrder() {
        String requestId = registered(UUID.randomUUID().toString()).subject();
        String id = "wo-" + requestId;
        awaitOrder(mall, id);
        act(mall, staff, id, "complete", Map.of("summary", "已修好")).expectStatus().isOk();

        // Replayed as a new record (e.g. from the dead-letter tool), so the inbox does not recognise it.
        awaitConsumed(INTAKE_GROUP, TestEvents.send(kafka, REQUESTS, "mall.intake.request.registered.v1", mall, requestId,
                requestId, json.writeValueAsString(registeredData(requestId))));
        awaitConsumed(INTAKE_GROUP, send(REQUESTS, "mall.intake.request.cancelled.v1", mall, requestId, requestId,
                Map.of("requestId", requestId, "reason", "late")));
        assertThat(order(mall, id)).containsEntry("status", "COMPLETED").containsEntry("round", 1);
        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.completed.v1")).hasSize(1));
        assertThat(publishedAbout(id, "mall.dispatch.work-order.created.v1")).hasSize(1);
        assertThat(publishedAbout(id, "mall.dispatch.work-order.cancelled.v1")).isEmpty();
    }

    @Test
    void anUnsatisfiedCallbackOfAnEarlierRoundDoesNotReopenTheOrderAgain() {
        String requestId = registered(UUID.randomUUID().toString()).subject();
        String id = "wo-" + requestId;
        awaitOrder(mall, id);
        act(mall, staff, id, "complete", Map.of("summary", "第一次")).expectStatus().isOk();
        var first = callback("cb-" + id + "-1", id, 1, false);
        await().untilAsserted(() -> assertThat(order(mall, id)).containsEntry("status", "ASSIGNED").containsEntry("round", 2));
        act(mall, staff, id, "complete", Map.of("summary", "第二次")).expectStatus().isOk();

        // The first round's answer again, as a new record, and a second answer about the first round.
        awaitHandled(CALLBACK_CONSUMER, TestEvents.send(kafka, first.topic(), first.type(), mall, first.subject(),
                requestId, first.data()));
        awaitHandled(CALLBACK_CONSUMER, callback("cb-" + id + "-1-again", id, 1, false));
        assertThat(order(mall, id)).containsEntry("status", "COMPLETED").containsEntry("round", 2)
                .containsEntry("reopenCount", 1);
        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.reopened.v1")).hasSize(1));

        // The current round's answer still reopens it.
        callback("cb-" + id + "-2", id, 2, false);
        await().untilAsserted(() -> assertThat(order(mall, id)).containsEntry("status", "ASSIGNED").containsEntry("round", 3));
    }
}
