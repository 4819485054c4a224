package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Work-order events replayed late (a dead letter sent back, a consumer reset) arrive after newer ones: the request's
 * progress only moves forward per work order. The late event is still history, so the timeline keeps it at its time.
 */
class OutOfOrderEventsTest extends IntakeIntegrationTest {

    @Test
    void anOlderAcceptedEventArrivingAfterTheCompletionLeavesTheRequestCompleted() throws Exception {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "A", "13800000071").get("id");
        Instant t0 = Instant.now().minusSeconds(600);
        workOrder(mall, id, "created", "ENGINEERING", "ASSIGNED", t0);
        workOrder(mall, id, "completed", "ENGINEERING", "COMPLETED", t0.plusSeconds(300));
        await().atMost(shortly()).untilAsserted(() -> assertThat(request(mall, id).get("status")).isEqualTo("COMPLETED"));

        workOrder(mall, id, "accepted", "ENGINEERING", "ACCEPTED", t0.plusSeconds(60));

        await().atMost(shortly()).untilAsserted(() -> assertThat(types(request(mall, id))).contains("WORK_ACCEPTED"));
        var view = request(mall, id);
        assertThat(view.get("status")).isEqualTo("COMPLETED");
        // Shown where it happened, before the completion.
        assertThat(types(view)).containsSubsequence("DISPATCHED", "WORK_ACCEPTED", "COMPLETED");
    }

    @Test
    void eventsFromBeforeTheCancellationChangeNothingWhenReplayedAfterIt() throws Exception {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "B", "13800000072").get("id");
        Instant t0 = Instant.now().minusSeconds(600);
        workOrder(mall, id, "created", "ENGINEERING", "ASSIGNED", t0);
        workOrder(mall, id, "transferred", "CLEANING", "ASSIGNED", t0.plusSeconds(120),
                ",\"fromDepartment\":\"ENGINEERING\",\"toDepartment\":\"CLEANING\"");
        await().atMost(shortly()).untilAsserted(() -> assertThat(request(mall, id).get("department")).isEqualTo("CLEANING"));
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "顧客撤回"), mall, id)
                .expectStatus().isOk();
        workOrder(mall, id, "cancelled", "CLEANING", "CANCELLED", Instant.now());
        await().atMost(shortly()).untilAsserted(() -> assertThat(types(request(mall, id))).contains("WORK_ORDER_CANCELLED"));
        var before = request(mall, id);

        // The registration-era events come again (new ids, their old times), naming other departments.
        workOrder(mall, id, "created", "SECURITY", "ASSIGNED", t0.minusSeconds(30));
        workOrder(mall, id, "accepted", "ENGINEERING", "ACCEPTED", t0.plusSeconds(30));
        workOrder(mall, id, "reassigned", "PARKING", "ASSIGNED", t0.plusSeconds(60),
                ",\"fromDepartment\":\"ENGINEERING\",\"toDepartment\":\"PARKING\"");

        await().atMost(shortly()).untilAsserted(() -> assertThat(types(request(mall, id))).contains("REASSIGNED"));
        var after = request(mall, id);
        assertThat(after.get("status")).isEqualTo("CANCELLED");
        assertThat(after.get("department")).isEqualTo("CLEANING");
        assertThat(after.get("workOrderId")).isEqualTo(before.get("workOrderId"));
        // The handling department did not move either: the old departments still see masked numbers.
        get(TestTokens.deptStaff(mall, "PARKING"), "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody().jsonPath("$.customer.phone").isEqualTo("138****0072");
    }

    @Test
    void aReopeningAfterTheCompletionStillMovesTheRequestBackToWork() throws Exception {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "C", "13800000073").get("id");
        Instant t0 = Instant.now().minusSeconds(600);
        workOrder(mall, id, "created", "CLEANING", "ASSIGNED", t0);
        workOrder(mall, id, "completed", "CLEANING", "COMPLETED", t0.plusSeconds(60));
        workOrder(mall, id, "reopened", "CLEANING", "ASSIGNED", t0.plusSeconds(120), ",\"round\":2");
        await().atMost(shortly()).untilAsserted(() -> assertThat(request(mall, id).get("status")).isEqualTo("IN_PROGRESS"));
        // The completion of round 1 delivered again, under a new id: still in progress.
        workOrder(mall, id, "completed", "CLEANING", "COMPLETED", t0.plusSeconds(60));
        workOrder(mall, id, "contacted", "CLEANING", "ACCEPTED", t0.plusSeconds(180));
        await().atMost(shortly()).untilAsserted(() -> assertThat(types(request(mall, id))).contains("CUSTOMER_CONTACTED"));
        assertThat(request(mall, id).get("status")).isEqualTo("IN_PROGRESS");
    }

    private void workOrder(String mall, String requestId, String what, String department, String status, Instant at)
            throws Exception {
        workOrder(mall, requestId, what, department, status, at, "");
    }

    private void workOrder(String mall, String requestId, String what, String department, String status, Instant at,
                           String more) throws Exception {
        String wo = "wo-" + requestId;
        sendEvent("dispatch.work-orders.v1", "mall.dispatch.work-order." + what + ".v1", mall, requestId, wo,
                "{\"workOrderId\":\"%s\",\"requestId\":\"%s\",\"department\":\"%s\",\"status\":\"%s\",\"occurredAt\":\"%s\"%s}"
                        .formatted(wo, requestId, department, status, at, more));
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().map(e -> (String) e.get("type")).toList();
    }
}
