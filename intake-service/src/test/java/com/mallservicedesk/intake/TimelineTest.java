package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The other services' events, sent here as those services publish them, feed the request's timeline. */
class TimelineTest extends IntakeIntegrationTest {

    private static final String WORK_ORDERS = "dispatch.work-orders.v1";

    @Test
    void theTimelineShowsEveryStepOfTheWorkAndTheCallbackClosesTheRequest() throws Exception {
        String mall = newMall();
        String id = (String) repair(mall, "3F", "B", "13800000000").get("id");
        String wo = "wo-" + id;
        String number = (String) request(mall, id).get("number");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            workOrder(mall, id, "created", base(wo, id, "ENGINEERING", "ASSIGNED")
                    + ",\"requestNumber\":\"%s\",\"kind\":\"REPAIR\",\"orderedAt\":\"%s\"}".formatted(number, Instant.now()));
            workOrder(mall, id, "accepted", base(wo, id, "ENGINEERING", "ACCEPTED") + ",\"by\":\"staff-1\"}");
            workOrder(mall, id, "contacted", base(wo, id, "ENGINEERING", "ACCEPTED")
                    + ",\"by\":\"staff-1\",\"contactedAt\":\"2026-11-24T01:05:00Z\"}");
            workOrder(mall, id, "delayed", base(wo, id, "ENGINEERING", "DELAYED")
                    + ",\"reason\":\"等待配件\",\"promisedAt\":\"2026-11-25T10:00:00Z\"}");
            workOrder(mall, id, "escalated", base(wo, id, "ENGINEERING", "DELAYED")
                    + ",\"level\":2,\"toRole\":\"FRONT_DESK\",\"reason\":\"超時\",\"rule\":\"REPAIR_48H\"}");
            workOrder(mall, id, "some-future-thing", base(wo, id, "ENGINEERING", "DELAYED") + "}");
            workOrder(mall, id, "completed", base(wo, id, "ENGINEERING", "COMPLETED")
                    + ",\"summary\":\"更換閥芯\",\"completedAt\":\"2026-11-25T09:00:00Z\",\"round\":1,"
                    + "\"customer\":{\"name\":\"王小姐\",\"phone\":\"13800000000\"}}");

            await().atMost(shortly()).untilAsserted(() -> {
                var view = request(mall, id);
                assertThat(view.get("status")).isEqualTo("COMPLETED");
                assertThat(view.get("department")).isEqualTo("ENGINEERING");
                assertThat(view.get("workOrderId")).isEqualTo(wo);
                assertThat(types(view)).containsSubsequence("REGISTERED", "DISPATCHED", "WORK_ACCEPTED",
                        "CUSTOMER_CONTACTED", "DELAYED", "ESCALATED", "COMPLETED");
                assertThat(entry(view, "DELAYED")).containsEntry("promisedAt", "2026-11-25T10:00:00Z")
                        .containsEntry("note", "等待配件");
                assertThat(entry(view, "ESCALATED")).containsEntry("level", 2).containsEntry("toRole", "FRONT_DESK");
            });

            sendEvent("claims.claims.v1", "mall.claims.claim.opened.v1", mall, id, "claim-" + id,
                    "{\"claimId\":\"claim-%s\",\"requestId\":\"%s\",\"occurredAt\":\"2026-11-24T01:00:00Z\"}".formatted(id, id));
            sendEvent("claims.claims.v1", "mall.claims.claim.stage-changed.v1", mall, id, "claim-" + id, """
                    {"claimId":"claim-%s","requestId":"%s","fromStage":"IMMEDIATE_ACTION","stage":"APPLICATION",
                     "at":"2026-11-24T03:00:00Z","by":"safety-1"}""".formatted(id, id));
            sendEvent("claims.claims.v1", "mall.claims.claim.archived.v1", mall, id, "claim-" + id, """
                    {"claimId":"claim-%s","requestId":"%s","outcome":"SETTLED","settledAmountCny":"1200.00",
                     "archivedAt":"2026-11-30T03:00:00Z"}""".formatted(id, id));
            sendEvent("callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, id, "cb-" + id, """
                    {"callbackId":"cb-%s","requestId":"%s","workOrderId":"%s","kind":"REPAIR","department":"ENGINEERING",
                     "method":"PHONE","timeliness":"SATISFIED","attitude":"VERY_SATISFIED","quality":"SATISFIED",
                     "satisfied":true,"completedAt":"2026-11-26T02:00:00Z"}""".formatted(id, id, wo));

            await().atMost(shortly()).untilAsserted(() -> {
                var view = request(mall, id);
                assertThat(view.get("status")).isEqualTo("CLOSED");
                assertThat(view.get("closeReason")).isEqualTo("SATISFIED_CALLBACK");
                assertThat(entry(view, "CALLBACK_RESULT")).containsEntry("satisfied", true);
                assertThat(entry(view, "CLAIM_OPENED")).containsEntry("claimId", "claim-" + id);
                assertThat(entry(view, "CLAIM_STAGE_CHANGED")).containsEntry("note", "APPLICATION")
                        .containsEntry("by", "safety-1");
                assertThat(entry(view, "CLAIM_ARCHIVED")).containsEntry("note", "SETTLED")
                        .containsEntry("at", "2026-11-30T03:00:00Z");
            });
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.request.closed.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("SATISFIED_CALLBACK")));
        }
    }

    @Test
    void anUnsatisfiedCallbackKeepsTheRequestOpenAndAReopeningMovesItBackToWork() throws Exception {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "A", "13800000001").get("id");
        String wo = "wo-" + id;
        workOrder(mall, id, "created", base(wo, id, "CLEANING", "ASSIGNED") + "}");
        workOrder(mall, id, "completed", base(wo, id, "CLEANING", "COMPLETED") + "}");
        // Topics are not ordered with each other: the callback follows the completion it answers.
        await().atMost(shortly()).untilAsserted(() -> assertThat(request(mall, id).get("status")).isEqualTo("COMPLETED"));
        sendEvent("callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, id, "cb-" + id,
                "{\"callbackId\":\"cb-%s\",\"requestId\":\"%s\",\"satisfied\":false}".formatted(id, id));
        await().atMost(shortly()).untilAsserted(() -> assertThat(types(request(mall, id))).contains("CALLBACK_RESULT"));
        workOrder(mall, id, "reopened", base(wo, id, "CLEANING", "REOPENED") + ",\"reason\":\"仍有污漬\",\"round\":2}");

        await().atMost(shortly()).untilAsserted(() -> {
            var view = request(mall, id);
            assertThat(types(view)).containsSubsequence("COMPLETED", "CALLBACK_RESULT", "REOPENED");
            assertThat(view.get("status")).isEqualTo("IN_PROGRESS");
            assertThat(entry(view, "REOPENED")).containsEntry("round", 2);
        });
    }

    @Test
    void aRedeliveredEventAddsNothingAndAnotherMallsEventTouchesNothing() throws Exception {
        String mall = newMall();
        String id = (String) repair(mall, "1F", "A", "13800000002").get("id");
        String wo = "wo-" + id;
        var delayed = new PendingEvent(UUID.randomUUID().toString(), "mall.dispatch.work-order.delayed.v1", WORK_ORDERS,
                id, wo, mall, id, Instant.now(), base(wo, id, "SECURITY", "DELAYED") + ",\"promisedAt\":\"2026-12-01T00:00:00Z\"}");
        sendEvent(delayed);
        sendEvent(delayed);
        // The same request id claimed by another mall's event: nothing of this mall changes.
        workOrder("OTHER-" + mall, id, "transferred", base(wo, id, "PARKING", "ASSIGNED")
                + ",\"fromDepartment\":\"SECURITY\",\"toDepartment\":\"PARKING\"}");
        workOrder(mall, id, "transferred", base(wo, id, "ENGINEERING", "ASSIGNED")
                + ",\"fromDepartment\":\"SECURITY\",\"toDepartment\":\"ENGINEERING\",\"reason\":\"屬工程\"}");

        await().atMost(shortly()).untilAsserted(() -> assertThat(types(request(mall, id))).contains("TRANSFERRED"));
        var view = request(mall, id);
        assertThat(types(view).stream().filter("DELAYED"::equals)).hasSize(1);
        assertThat(types(view).stream().filter("TRANSFERRED"::equals)).hasSize(1);
        assertThat(view.get("department")).isEqualTo("ENGINEERING");
    }

    @Test
    void theDepartmentFilterUsesTheDepartmentLearnedFromDispatch() throws Exception {
        String mall = newMall();
        String engineering = (String) repair(mall, "1F", "A", "13800000003").get("id");
        String security = (String) repair(mall, "2F", "A", "13800000004").get("id");
        workOrder(mall, engineering, "created", base("wo-" + engineering, engineering, "ENGINEERING", "ASSIGNED") + "}");
        workOrder(mall, security, "created", base("wo-" + security, security, "SECURITY", "ASSIGNED") + "}");
        workOrder(mall, security, "reassigned", base("wo-" + security, security, "ENGINEERING", "ASSIGNED")
                + ",\"fromDepartment\":\"SECURITY\",\"toDepartment\":\"ENGINEERING\",\"reason\":\"誤派\"}");

        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.supervisor(mall),
                "/api/v1/malls/{mall}/requests?department=ENGINEERING", mall)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].status").value(s -> assertThat(s.toString()).doesNotContain("REGISTERED")));
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests?department=SECURITY", mall)
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private void workOrder(String mall, String requestId, String what, String data) throws Exception {
        String wo = "wo-" + requestId;
        sendEvent(WORK_ORDERS, "mall.dispatch.work-order." + what + ".v1", mall, requestId, wo, data);
    }

    private static String base(String wo, String requestId, String department, String status) {
        return "{\"workOrderId\":\"%s\",\"requestId\":\"%s\",\"department\":\"%s\",\"status\":\"%s\",\"occurredAt\":\"%s\""
                .formatted(wo, requestId, department, status, Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().map(e -> (String) e.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> view, String type) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().filter(e -> type.equals(e.get("type")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in the timeline"));
    }
}
