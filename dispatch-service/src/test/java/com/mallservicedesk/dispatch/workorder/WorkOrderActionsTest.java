package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class WorkOrderActionsTest extends DispatchIntegrationTest {

    private final String mall = newMall();
    private final String staff = TestTokens.deptStaff(mall, "CUSTOMER_SERVICE");

    private String openOrder(String kind) {
        String requestId = register(mall, kind, "PHONE", "3F", "B");
        awaitOrder(mall, "wo-" + requestId);
        return "wo-" + requestId;
    }

    @Test
    void theDepartmentAcceptsContactsDelaysAndCompletesAndEveryStepIsAnEvent() {
        String id = openOrder("REPAIR");
        act(mall, staff, id, "accept", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED").jsonPath("$.acceptedBy").isEqualTo("staff-CUSTOMER_SERVICE-" + mall);
        act(mall, staff, id, "accept", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("work-order-transition-not-allowed")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ACCEPTED"));
        act(mall, staff, id, "contact", null).expectStatus().isOk()
                .expectBody().jsonPath("$.contactedAt").isNotEmpty();
        act(mall, staff, id, "contact", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("work-order-already-contacted");
        act(mall, staff, id, "delay", Map.of("reason", "等待配件", "promisedAt", Instant.now().minusSeconds(60).toString()))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("promised-time-not-in-future");
        act(mall, staff, id, "delay", Map.of("promisedAt", "tomorrow")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("promisedAt");
        act(mall, staff, id, "delay", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        Instant promised = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        act(mall, staff, id, "delay", Map.of("reason", "等待配件", "promisedAt", promised.toString())).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DELAYED").jsonPath("$.delayReason").isEqualTo("等待配件");
        assertThat((Map<String, Object>) order(mall, id).get("deadlines"))
                .containsEntry("PROMISED", promised.toString()).doesNotContainKeys("SAME_DAY", "CONTACT");
        act(mall, staff, id, "complete", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("summary");
        act(mall, staff, id, "complete", Map.of("summary", "更換水龍頭閥芯")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED").jsonPath("$.workTime").isNotEmpty();
        act(mall, staff, id, "complete", Map.of("summary", "again")).expectStatus().isEqualTo(409);
        act(mall, staff, id, "delay", Map.of("reason", "x", "promisedAt", promised.toString())).expectStatus().isEqualTo(409);
        act(mall, staff, id, "transfer", Map.of("toDepartment", "CUSTOMER_SERVICE", "reason", "x")).expectStatus().isEqualTo(409);
        act(mall, staff, id, "escalate", Map.of("reason", "x")).expectStatus().isEqualTo(409);
        assertThat((Map<String, Object>) order(mall, id).get("deadlines")).isEmpty();

        await().untilAsserted(() -> assertThat(publishedAbout(id)).extracting(Published::type).containsExactly(
                "mall.dispatch.work-order.created.v1", "mall.dispatch.work-order.accepted.v1",
                "mall.dispatch.work-order.contacted.v1", "mall.dispatch.work-order.delayed.v1",
                "mall.dispatch.work-order.completed.v1"));
        var events = publishedAbout(id);
        for (Published event : events) {
            assertThat(event.data().get("workOrderId").asString()).isEqualTo(id);
            assertThat(event.data().get("requestNumber").asString()).startsWith(mall);
            assertThat(event.data().get("department").asString()).isEqualTo("CUSTOMER_SERVICE");
            assertThat(event.data().has("status")).isTrue();
            assertThat(event.data().has("occurredAt")).isTrue();
            assertThat(event.key()).isEqualTo(id.substring(3));
            assertThat(event.mallId()).isEqualTo(mall);
        }
        assertThat(events.get(3).data().get("promisedAt").asString()).isEqualTo(promised.toString());
        var completed = events.get(4).data();
        assertThat(completed.get("summary").asString()).isEqualTo("更換水龍頭閥芯");
        assertThat(completed.get("customer").get("phone").asString()).isEqualTo("13800000000");
        assertThat(completed.get("reporters").size()).isEqualTo(1);
        assertThat(completed.get("round").asInt()).isEqualTo(1);
        assertThat(Duration.parse(completed.get("workTime").asString())).isPositive();
        assertThat(completed.has("orderedAt")).isTrue();
        assertThat(completed.has("completedAt")).isTrue();
        assertThat(completed.get("kind").asString()).isEqualTo("REPAIR");

        var timeline = (List<Map<String, Object>>) order(mall, id).get("timeline");
        assertThat(timeline).extracting(step -> step.get("action"))
                .containsExactly("CREATED", "ACCEPTED", "CONTACTED", "DELAYED", "COMPLETED");

        String tags = "application=\"dispatch-service\",department=\"CUSTOMER_SERVICE\",kind=\"REPAIR\",mall=\"" + mall + "\"";
        await().untilAsserted(() -> assertThat(prometheus())
                .contains("msd_dispatch_time_to_complete_seconds_count{" + tags + "} 1")
                .contains("msd_dispatch_time_to_contact_seconds_count{" + tags + "} 1")
                .contains("msd_dispatch_time_to_dispatch_seconds_bucket{" + tags + ",le=\"60.0\"} 1")
                .contains("msd_dispatch_work_orders_total{" + tags + ",status=\"COMPLETED\"} 1.0")
                .contains("msd_dispatch_work_orders_current{" + tags + ",status=\"COMPLETED\"} 1.0")
                .doesNotContain("msd_dispatch_work_orders_open{application=\"dispatch-service\",department=\"CUSTOMER_SERVICE\",mall=\"" + mall + "\"} 1.0"));
    }

    @Test
    void aCompletionStraightFromAssignedIsAllowedAsTheWalkingSkeletonDoesIt() {
        String id = openOrder("REPAIR");
        act(mall, staff, id, "complete", Map.of("summary", "已處理")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED").jsonPath("$.contactedAt").doesNotExist();
    }

    @Test
    void onlyTheAssignedDepartmentOrASupervisorMayActAndATransferHandsItOver() {
        putDepartment(mall, "ENGINEERING", aroundTheClock());
        String id = openOrder("REPAIR");
        String engineering = TestTokens.deptStaff(mall, "ENGINEERING");
        act(mall, engineering, id, "accept", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("not-your-department");
        act(mall, TestTokens.frontDesk(mall), id, "accept", null).expectStatus().isForbidden();
        act(mall, staff, id, "transfer", Map.of("toDepartment", "ENGINEERING")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        act(mall, staff, id, "transfer", Map.of("toDepartment", "PLUMBING", "reason", "x")).expectStatus().isEqualTo(422);
        act(mall, staff, id, "contact", null).expectStatus().isOk();
        assertThat((Map<String, Object>) order(mall, id).get("deadlines")).doesNotContainKey("CONTACT");
        act(mall, staff, id, "transfer", Map.of("toDepartment", "ENGINEERING", "reason", "需要水電工"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.department").isEqualTo("ENGINEERING").jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.contactedAt").doesNotExist();
        // The new department has its own contact clock, however the first one did.
        assertThat((Map<String, Object>) order(mall, id).get("deadlines")).containsKeys("CONTACT", "SAME_DAY", "REPAIR_COMPLETION");
        act(mall, staff, id, "accept", null).expectStatus().isForbidden();
        act(mall, engineering, id, "accept", null).expectStatus().isOk();
        act(mall, TestTokens.supervisor(mall), id, "complete", Map.of("summary", "主管代為返單")).expectStatus().isOk();

        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.transferred.v1"))
                .singleElement().satisfies(t -> {
                    assertThat(t.data().get("fromDepartment").asString()).isEqualTo("CUSTOMER_SERVICE");
                    assertThat(t.data().get("toDepartment").asString()).isEqualTo("ENGINEERING");
                    assertThat(t.data().get("reason").asString()).isEqualTo("需要水電工");
                }));
    }

    @Test
    void manualEscalationClimbsTheChainOneStepAtATimeUpToThePropertyManager() {
        String id = openOrder("COMPLAINT");
        act(mall, TestTokens.deptStaff(mall, "SECURITY"), id, "escalate", Map.of("reason", "x")).expectStatus().isForbidden();
        act(mall, staff, id, "escalate", Map.of("reason", "顧客要求主管處理")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalationLevel").isEqualTo(1).jsonPath("$.escalatedTo").isEqualTo("DEPARTMENT_HEAD");
        act(mall, TestTokens.frontDesk(mall), id, "escalate", Map.of("reason", "部門無法協調")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalatedTo").isEqualTo("FRONT_DESK");
        act(mall, TestTokens.supervisor(mall), id, "escalate", Map.of("reason", "前臺無法解決")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalatedTo").isEqualTo("CS_HEAD");
        act(mall, TestTokens.supervisor(mall), id, "escalate", Map.of("reason", "超出客服範圍")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalationLevel").isEqualTo(4).jsonPath("$.escalatedTo").isEqualTo("PROPERTY_MANAGER");
        act(mall, TestTokens.supervisor(mall), id, "escalate", Map.of("reason", "again")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("work-order-escalation-exhausted");

        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.escalated.v1"))
                .extracting(e -> e.data().get("level").asInt() + ":" + e.data().get("toRole").asString() + ":"
                        + e.data().get("rule").isNull())
                .containsExactly("1:DEPARTMENT_HEAD:true", "2:FRONT_DESK:true", "3:CS_HEAD:true", "4:PROPERTY_MANAGER:true"));
        var timeline = (List<Map<String, Object>>) order(mall, id).get("timeline");
        assertThat(timeline).filteredOn(step -> "ESCALATED".equals(step.get("action"))).hasSize(4)
                .last().satisfies(step -> assertThat((String) step.get("detail")).contains("PROPERTY_MANAGER").contains("超出客服範圍"));
    }

    @Test
    @DisplayName("seed 000 §3.1 and flow chart: beyond customer service goes to the property manager; a mall may keep what the CS head leaves unresolved from the manager; targets come from the stored contacts")
    void escalationTargetsComeFromTheStoredContactsAndTheMallDecidesWhetherTheManagerTakesWhatTheCsHeadLeaves() {
        putDepartment(mall, "CUSTOMER_SERVICE", aroundTheClock());
        web.put().uri("/api/v1/malls/{mall}/escalation-contacts", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contacts", List.of(Map.of("role", "FRONT_DESK", "name", "前臺值班"),
                                Map.of("role", "CS_HEAD", "name", "周部長", "phone", "13900000011"),
                                Map.of("role", "PROPERTY_MANAGER", "name", "吳經理", "phone", "13900000012")),
                        "unresolvedAtCsHeadGoesToManager", false))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.unresolvedAtCsHeadGoesToManager").isEqualTo(false)
                .jsonPath("$.contacts[1].name").isEqualTo("周部長");
        web.put().uri("/api/v1/malls/{mall}/escalation-contacts", mall)
                .headers(h -> h.setBearerAuth(staff))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("contacts", List.of()))
                .exchange().expectStatus().isForbidden();

        String routine = openOrder("HELP");
        act(mall, staff, routine, "escalate", Map.of("reason", "顧客要求主管處理")).expectStatus().isOk();
        act(mall, TestTokens.frontDesk(mall), routine, "escalate", Map.of("reason", "部門無法協調")).expectStatus().isOk();
        act(mall, TestTokens.supervisor(mall), routine, "escalate", Map.of("reason", "前臺無法解決")).expectStatus().isOk()
                .expectBody().jsonPath("$.escalatedTo").isEqualTo("CS_HEAD");
        // This mall keeps what the CS head cannot resolve from the property manager.
        act(mall, TestTokens.supervisor(mall), routine, "escalate", Map.of("reason", "仍未解決")).expectStatus().isEqualTo(409);
        await().untilAsserted(() -> assertThat(publishedAbout(routine, "mall.dispatch.work-order.escalated.v1"))
                .extracting(e -> e.data().get("targets").get(0).get("role").asString() + ":"
                        + e.data().get("targets").get(0).get("name").asString())
                // The department head from the department, the others from the mall's contacts.
                .containsExactly("DEPARTMENT_HEAD:李主管", "FRONT_DESK:前臺值班", "CS_HEAD:周部長"));

        String beyond = openOrder("HELP");
        act(mall, TestTokens.supervisor(mall), beyond, "escalate",
                Map.of("reason", "涉及業主產權糾紛", "beyondCustomerService", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.escalatedTo").isEqualTo("PROPERTY_MANAGER").jsonPath("$.escalationLevel").isEqualTo(4);
        await().untilAsserted(() -> assertThat(publishedAbout(beyond, "mall.dispatch.work-order.escalated.v1")).singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("targets").findValuesAsString("name")).containsExactly("吳經理");
                    assertThat(e.data().get("reason").asString()).contains("beyond customer service");
                }));
    }

    @Test
    void aCancelledRequestCancelsItsOrderAndAMergedDuplicateAddsItsReporterToTheParent() {
        String cancelled = openOrder("HELP");
        send(REQUESTS, "mall.intake.request.cancelled.v1", mall, cancelled.substring(3), cancelled.substring(3),
                Map.of("requestId", cancelled.substring(3), "number", "n", "reason", "顧客撤回", "cancelledBy", "fd"));
        await().untilAsserted(() -> assertThat(order(mall, cancelled)).containsEntry("status", "CANCELLED")
                .containsEntry("closeReason", "顧客撤回"));
        act(mall, staff, cancelled, "accept", null).expectStatus().isEqualTo(409);

        String parent = openOrder("REPAIR");
        String duplicate = openOrder("REPAIR");
        var merged = Map.of("requestId", duplicate.substring(3), "parentRequestId", parent.substring(3),
                "reporter", Map.of("name", "陳先生", "phone", "13700000000", "type", "TENANT"));
        var event = send(REQUESTS, "mall.intake.request.merged.v1", mall, duplicate.substring(3), duplicate.substring(3), merged);
        // Redelivered under a new id: still one reporter more.
        send(REQUESTS, "mall.intake.request.merged.v1", mall, duplicate.substring(3), duplicate.substring(3), merged);
        await().untilAsserted(() -> assertThat(order(mall, duplicate)).containsEntry("status", "MERGED")
                .containsEntry("mergedInto", parent));
        await().untilAsserted(() -> assertThat((List<?>) order(mall, parent).get("reporters")).hasSize(2));
        assertThat(event.type()).isEqualTo("mall.intake.request.merged.v1");

        act(mall, staff, parent, "complete", Map.of("summary", "已修好")).expectStatus().isOk();
        await().untilAsserted(() -> assertThat(publishedAbout(parent, "mall.dispatch.work-order.completed.v1"))
                .singleElement().satisfies(c -> assertThat(c.raw()).contains("13800000000").contains("13700000000")));
        await().untilAsserted(() -> assertThat(publishedAbout(duplicate, "mall.dispatch.work-order.cancelled.v1"))
                .singleElement().satisfies(c -> {
                    assertThat(c.data().get("status").asString()).isEqualTo("MERGED");
                    assertThat(c.data().get("mergedInto").asString()).isEqualTo(parent);
                }));
    }

    @Test
    void theListFiltersAndPagesAndDepartmentStaffSeeOnlyTheirOwn() {
        putDepartment(mall, "SECURITY", aroundTheClock());
        String a = openOrder("REPAIR");
        String b = openOrder("COMPLAINT");
        String c = openOrder("REPAIR");
        act(mall, TestTokens.frontDesk(mall), c, "assign", Map.of("department", "SECURITY")).expectStatus().isOk();
        act(mall, staff, a, "complete", Map.of("summary", "done")).expectStatus().isOk();

        var list = web.get().uri("/api/v1/malls/{mall}/work-orders?size=2", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)));
        list.exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3).jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.size").isEqualTo(2);
        web.get().uri("/api/v1/malls/{mall}/work-orders?kind=REPAIR&status=ASSIGNED", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(c);
        web.get().uri("/api/v1/malls/{mall}/work-orders?department=CUSTOMER_SERVICE&overdue=false&date={d}", mall,
                        clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString())
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
        web.get().uri("/api/v1/malls/{mall}/work-orders?date=2001-01-01", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        web.get().uri("/api/v1/malls/{mall}/work-orders", mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "SECURITY")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(c);
        web.get().uri("/api/v1/malls/{mall}/work-orders?department=CUSTOMER_SERVICE", mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "SECURITY")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/work-orders?size=500", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("validation-failed");
        web.get().uri("/api/v1/malls/{mall}/work-orders?status=LOST", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/malls/{mall}/work-orders?kind=COMPLAINT", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(b);
        web.get().uri("/api/v1/malls/{mall}/work-orders?size=2&page=1", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(a);
    }

    @Test
    void everyWorkOrderEndpointKeepsMallsApart() {
        String id = openOrder("REPAIR");
        String other = newMall();
        String otherStaff = TestTokens.deptStaff(other, "CUSTOMER_SERVICE");
        // Another mall's token on this mall: 403 everywhere.
        web.get().uri("/api/v1/malls/{mall}/work-orders", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, id).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        for (var action : List.of("accept", "contact")) {
            act(mall, otherStaff, id, action, null).expectStatus().isForbidden();
        }
        act(mall, otherStaff, id, "complete", Map.of("summary", "x")).expectStatus().isForbidden();
        act(mall, otherStaff, id, "delay", Map.of("reason", "x", "promisedAt", Instant.now().plusSeconds(3600).toString()))
                .expectStatus().isForbidden();
        act(mall, otherStaff, id, "transfer", Map.of("toDepartment", "X", "reason", "x")).expectStatus().isForbidden();
        act(mall, otherStaff, id, "escalate", Map.of("reason", "x")).expectStatus().isForbidden();
        act(mall, TestTokens.frontDesk(other), id, "assign", Map.of("department", "CUSTOMER_SERVICE")).expectStatus().isForbidden();
        // This mall's id in the other mall: 404 everywhere.
        web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", other, id).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isNotFound();
        for (var action : List.of("accept", "contact")) {
            act(other, otherStaff, id, action, null).expectStatus().isNotFound();
        }
        act(other, otherStaff, id, "complete", Map.of("summary", "x")).expectStatus().isNotFound();
        act(other, otherStaff, id, "delay", Map.of("reason", "x", "promisedAt", Instant.now().plusSeconds(3600).toString()))
                .expectStatus().isNotFound();
        act(other, otherStaff, id, "transfer", Map.of("toDepartment", "CUSTOMER_SERVICE", "reason", "x")).expectStatus().isNotFound();
        act(other, otherStaff, id, "escalate", Map.of("reason", "x")).expectStatus().isNotFound();
        act(other, TestTokens.frontDesk(other), id, "assign", Map.of("department", "CUSTOMER_SERVICE")).expectStatus().isNotFound();
        web.get().uri("/api/v1/malls/{mall}/work-orders", other).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        assertThat(order(mall, id)).containsEntry("status", "ASSIGNED");
    }
}
