package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerPoller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class SlaTimersTest extends DispatchIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final String mall = newMall();
    private final String staff = TestTokens.deptStaff(mall, "CUSTOMER_SERVICE");

    @Autowired
    DurableTimers timers;

    @Autowired
    TimerPoller poller;

    @Autowired
    SlaTimerHandler handler;

    private String openOrder(String kind) {
        String requestId = register(mall, kind, "PHONE", "3F", "B");
        awaitOrder(mall, "wo-" + requestId);
        return "wo-" + requestId;
    }

    private static List<String> breachedRules(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("breaches")).stream().map(b -> b.get("rule") + "@" + b.get("round")).toList();
    }

    @Test
    void theContactClockCountsInTheDepartmentsCalendarAcrossItsClosedDayAndABreachEscalatesOnce() {
        // Customer service works 10:00–22:00 every day except today: a deadline set now runs from tomorrow's opening.
        DayOfWeek today = clock.instant().atZone(SHANGHAI).getDayOfWeek();
        Map<String, Object> hours = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != today) {
                hours.put(day.name(), Map.of("open", "10:00", "close", "22:00"));
            }
        }
        putDepartment(mall, "CUSTOMER_SERVICE", Map.of("zone", "Asia/Shanghai", "alwaysOpen", false, "hours", hours));
        String id = openOrder("REPAIR");

        var order = order(mall, id);
        LocalDate orderedOn = Instant.parse((String) order.get("orderedAt")).atZone(SHANGHAI).toLocalDate();
        Instant contactDue = orderedOn.plusDays(1).atTime(10, 15).atZone(SHANGHAI).toInstant();
        var deadlines = (Map<String, Object>) order.get("deadlines");
        assertThat(deadlines).containsEntry("CONTACT", contactDue.toString())
                .containsEntry("SAME_DAY", orderedOn.plusDays(1).atTime(22, 0).atZone(SHANGHAI).toInstant().toString())
                // The 48-hour repair rule counts elapsed time (seed 000 §4.4.3: "2 days").
                .containsEntry("REPAIR_COMPLETION", Instant.parse((String) order.get("orderedAt")).plus(Duration.ofHours(48)).toString());
        // The order stored its timer changes with itself; the relay applies them right after.
        await().untilAsserted(() -> assertThat(timers.find(SlaClocks.timerId(id, "1.0",
                com.mallservicedesk.dispatch.sla.SlaRule.CONTACT)).block()).extracting(Timer::dueAt).isEqualTo(contactDue));

        clock.advance(Duration.between(clock.instant(), contactDue).plusSeconds(30));

        await().untilAsserted(() -> assertThat(breachedRules(order(mall, id))).contains("CONTACT@1"));
        var breached = order(mall, id);
        assertThat(breached).containsEntry("overdue", true).containsEntry("escalatedTo", "DEPARTMENT_HEAD")
                .containsEntry("escalationLevel", 1);
        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.dispatch.work-order.sla-breached.v1")).singleElement().satisfies(b -> {
                assertThat(b.data().get("rule").asString()).isEqualTo("CONTACT");
                assertThat(b.data().get("deadline").asString()).isEqualTo(contactDue.toString());
                assertThat(b.data().get("round").asInt()).isEqualTo(1);
            });
            assertThat(publishedAbout(id, "mall.dispatch.work-order.escalated.v1")).singleElement().satisfies(e -> {
                assertThat(e.data().get("rule").asString()).isEqualTo("CONTACT");
                assertThat(e.data().get("toRole").asString()).isEqualTo("DEPARTMENT_HEAD");
                assertThat(e.data().get("level").asInt()).isEqualTo(1);
            });
        });
        web.get().uri("/api/v1/malls/{mall}/work-orders?overdue=true", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(id);
        await().untilAsserted(() -> assertThat(prometheus())
                .containsPattern("msd_dispatch_sla_breaches_total\\{[^}]*mall=\"" + mall + "\"[^}]*rule=\"CONTACT\"[^}]*} 1.0")
                .containsPattern("msd_dispatch_escalations_total\\{[^}]*mall=\"" + mall + "\"[^}]*rule=\"CONTACT\"")
                .containsPattern("msd_dispatch_work_orders_overdue\\{[^}]*department=\"CUSTOMER_SERVICE\",mall=\"" + mall + "\"[^}]*} 1.0"));
    }

    @Test
    void aTimerStoredBeforeARestartFiresOnceOnTwoNewInstancesAndFiringTwiceRecordsOneBreach() {
        String id = openOrder("HELP");
        String timerId = SlaClocks.timerId(id, "1.0", com.mallservicedesk.dispatch.sla.SlaRule.CONTACT);
        poller.stop();
        try {
            clock.advance(Duration.ofMinutes(16));
            Timer stored = await().until(() -> timers.find(timerId).block(), java.util.Objects::nonNull);
            assertThat(stored.dueAt()).isBefore(clock.instant());

            // Two new instances (restarted processes) find the stored timer and race for it: it fires once.
            var first = new TimerPoller(mongo, List.of(handler), clock, Duration.ofSeconds(1), Duration.ofSeconds(30),
                    10, new SimpleMeterRegistry());
            var second = new TimerPoller(mongo, List.of(handler), clock, Duration.ofSeconds(1), Duration.ofSeconds(30),
                    10, new SimpleMeterRegistry());
            assertThat(Flux.merge(first.fireDue().subscribeOn(Schedulers.parallel()),
                    second.fireDue().subscribeOn(Schedulers.parallel())).reduce(0L, Long::sum).block()).isPositive();
            // A fired timer is deleted: only deadlines still ahead are stored.
            assertThat(timers.find(timerId).blockOptional()).isEmpty();
            assertThat(breachedRules(order(mall, id))).containsExactly("CONTACT@1");

            // An instance that died after firing but before marking it fired: the handler runs again.
            handler.fire(stored).block();
            handler.fire(stored).block();
            var order = order(mall, id);
            assertThat(breachedRules(order)).containsExactly("CONTACT@1");
            assertThat(order).containsEntry("escalationLevel", 1);
        } finally {
            poller.start();
        }
        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.sla-breached.v1")).hasSize(1));
    }

    @Test
    void aReopenedOrderGetsANewRoundWithItsOwnClocksAndTheEarlierBreachStaysCounted() {
        String id = openOrder("REPAIR");
        clock.advance(Duration.ofMinutes(16));
        await().untilAsserted(() -> assertThat(breachedRules(order(mall, id))).contains("CONTACT@1"));
        act(mall, staff, id, "complete", Map.of("summary", "已更換")).expectStatus().isOk();

        String callbackId = "cb-" + id;
        Map<String, Object> dissatisfied = new HashMap<>(Map.of("callbackId", callbackId, "requestId", id.substring(3),
                "workOrderId", id, "kind", "REPAIR", "department", "CUSTOMER_SERVICE", "method", "PHONE"));
        dissatisfied.putAll(Map.of("timeliness", "SATISFIED", "attitude", "SATISFIED", "quality", "DISSATISFIED",
                "satisfied", false, "completedAt", Instant.now().toString()));
        send(CALLBACKS, "mall.callback.callback.completed.v1", mall, callbackId, id.substring(3), dissatisfied);
        send(CALLBACKS, "mall.callback.callback.completed.v1", mall, callbackId, id.substring(3), dissatisfied);

        await().untilAsserted(() -> assertThat(order(mall, id)).containsEntry("status", "ASSIGNED").containsEntry("round", 2));
        var reopened = order(mall, id);
        assertThat(reopened).containsEntry("reopenCount", 1).containsEntry("department", "CUSTOMER_SERVICE")
                .containsEntry("overdue", false).containsEntry("contactedAt", null);
        assertThat((Map<String, Object>) reopened.get("deadlines")).containsKeys("CONTACT", "REPAIR_COMPLETION");
        await().untilAsserted(() -> assertThat(timers.find(SlaClocks.timerId(id, "2.0",
                com.mallservicedesk.dispatch.sla.SlaRule.CONTACT)).block()).isNotNull());

        clock.advance(Duration.ofMinutes(16));
        await().untilAsserted(() -> assertThat(breachedRules(order(mall, id))).contains("CONTACT@1", "CONTACT@2"));
        act(mall, staff, id, "contact", null).expectStatus().isOk();
        act(mall, staff, id, "complete", Map.of("summary", "重新修好")).expectStatus().isOk();
        // A satisfied callback changes nothing.
        send(CALLBACKS, "mall.callback.callback.completed.v1", mall, "cb2-" + id, id.substring(3),
                Map.of("callbackId", "cb2-" + id, "workOrderId", id, "satisfied", true));

        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.dispatch.work-order.reopened.v1")).singleElement()
                    .satisfies(r -> assertThat(r.data().get("round").asInt()).isEqualTo(2));
            assertThat(publishedAbout(id, "mall.dispatch.work-order.completed.v1"))
                    .extracting(c -> c.data().get("round").asInt()).containsExactly(1, 2);
        });
        await().during(Duration.ofMillis(500)).untilAsserted(() -> assertThat(order(mall, id))
                .containsEntry("status", "COMPLETED").containsEntry("round", 2));
    }

    @Test
    @DisplayName("seed 001 §二.3 and seed 000 §4.7: an order nobody dispatched in time goes to the front desk and the CS head, named from the mall's contacts, and shows on the front desk's console")
    void anOrderWaitingForTheFrontDeskBreachesTheDispatchLimit() {
        web.put().uri("/api/v1/malls/{mall}/escalation-contacts", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contacts", List.of(Map.of("role", "FRONT_DESK", "name", "前臺值班", "phone", "13900000010"),
                        Map.of("role", "CS_HEAD", "name", "周部長", "phone", "13900000011"))))
                .exchange().expectStatus().isOk();
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of()))
                .exchange().expectStatus().isOk();
        String id = openOrder("HELP");
        assertThat(order(mall, id)).containsEntry("status", "UNASSIGNED");
        clock.advance(Duration.ofMinutes(6));
        await().untilAsserted(() -> assertThat(breachedRules(order(mall, id))).containsExactly("DISPATCH@1"));
        assertThat(order(mall, id)).containsEntry("escalatedTo", "CS_HEAD");
        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.dispatch.work-order.escalated.v1")).singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("toRole").asString()).isEqualTo("CS_HEAD");
                    assertThat(e.data().get("targets").findValuesAsString("role")).containsExactly("FRONT_DESK", "CS_HEAD");
                    assertThat(e.data().get("targets").findValuesAsString("name")).containsExactly("前臺值班", "周部長");
                    assertThat(e.data().get("targets").get(1).get("phone").asString()).isEqualTo("13900000011");
                }));
        // The escalation is on the front desk's console (its own stream shows what names it).
        await().untilAsserted(() -> assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("workOrderId").is(id)
                                .and("type").is("mall.dispatch.work-order.escalated.v1")),
                org.bson.Document.class, "console_events").collectList().block())
                .singleElement().satisfies(doc -> assertThat((List<String>) doc.get("roles")).contains("FRONT_DESK")));
    }

    @Test
    @DisplayName("seed 000 §4.4.3, §4.5 and seed 003 §2: repairs go to the CS supervisor after 48 h, complaints have the contact and investigation clocks only")
    void complaintAndRepairClocksFollowTheirOwnRules() {
        String repair = openOrder("REPAIR");
        String acknowledged = openOrder("COMPLAINT");
        String ignored = openOrder("COMPLAINT");
        act(mall, staff, acknowledged, "accept", null).expectStatus().isOk();
        act(mall, staff, acknowledged, "contact", null).expectStatus().isOk();

        clock.advance(Duration.ofMinutes(31));
        // A complaint's department clock is the contact at once (seed 000 §4.5); the hand-over to the supervisor
        // within [X] minutes (seed 003 §2) is the front desk's, kept by intake: no such clock runs here.
        await().untilAsserted(() -> assertThat(breachedRules(order(mall, ignored))).contains("CONTACT@1"));
        assertThat(breachedRules(order(mall, ignored))).doesNotContain("COMPLAINT_TO_SUPERVISOR@1");
        assertThat(breachedRules(order(mall, acknowledged))).doesNotContain("CONTACT@1");

        clock.advance(Duration.ofDays(5));
        // Five days pass at once, as after a long outage: the poller first reads every minute's buckets it missed.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(breachedRules(order(mall, acknowledged))).contains("COMPLAINT_INVESTIGATION@1");
            assertThat(breachedRules(order(mall, repair))).contains("REPAIR_COMPLETION@1");
        });
        // Every breach is recorded; the repair not done in 48 h went to the CS supervisor (seed 000 §4.4.3), which is
        // no step of the routine chain: the contact and same-day breaches took it to the front desk.
        var repairOrder = order(mall, repair);
        assertThat(breachedRules(repairOrder)).contains("CONTACT@1", "SAME_DAY@1");
        assertThat((Integer) repairOrder.get("escalationLevel")).isEqualTo(2);
        await().untilAsserted(() -> assertThat(publishedAbout(repair, "mall.dispatch.work-order.escalated.v1"))
                .filteredOn(e -> "REPAIR_COMPLETION".equals(e.data().get("rule").asString())).singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("toRole").asString()).isEqualTo("CS_SUPERVISOR");
                    assertThat(e.data().get("targets").findValuesAsString("role")).containsExactly("CS_SUPERVISOR");
                    // Nobody stored for the role: named by the seeds' title.
                    assertThat(e.data().get("targets").get(0).get("name").asString()).isEqualTo("客服主管");
                }));
    }

    @Test
    void aMallsOwnPolicyReplacesTheSeedDefaults() {
        web.get().uri("/api/v1/malls/{mall}/sla-policy", mall)
                .headers(h -> h.setBearerAuth(staff))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.dispatchWithin").isEqualTo("PT5M").jsonPath("$.repairCompletionWithin").isEqualTo("PT48H")
                .jsonPath("$.complaintInvestigationWorkingDays").isEqualTo(3);
        var policy = Map.of("dispatchWithin", "PT10M", "contactWithin", "PT1H", "sameDayHandling", false,
                "repairCompletionWithin", "PT24H", "complaintInvestigationWorkingDays", 5);
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(policy)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.contactWithin").isEqualTo("PT1H");
        String id = openOrder("REPAIR");
        var order = order(mall, id);
        Instant orderedAt = Instant.parse((String) order.get("orderedAt"));
        assertThat((Map<String, Object>) order.get("deadlines"))
                .containsEntry("CONTACT", orderedAt.plus(Duration.ofHours(1)).toString())
                .containsEntry("REPAIR_COMPLETION", orderedAt.plus(Duration.ofHours(24)).toString())
                .doesNotContainKey("SAME_DAY");

        var zero = new HashMap<>(policy);
        zero.put("contactWithin", "PT0S");
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(zero)
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("sla-policy-invalid");
        var missing = new HashMap<>(policy);
        missing.remove("dispatchWithin");
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(missing)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("dispatchWithin");
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(staff))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(policy).exchange().expectStatus().isForbidden();
        String other = newMall();
        web.get().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(policy).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/sla-policy", other).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.contactWithin").isEqualTo("PT15M");
    }
}
