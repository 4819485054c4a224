package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The complaint register (投訴處理登記表) from registration to conclusion, with its clocks (seed 003 §2, seed 004). */
class ComplaintRegisterFlowTest extends IntakeIntegrationTest {

    private static final String REGISTER = "/api/v1/malls/{mall}/requests/{id}/complaint";

    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("seed 003 §2, seed 000 §4.3.6: hand-over, investigation from the work order, review, feedback, conclusion")
    void aComplaintGoesThroughItsRegisterAndIsConcludedOnTime() throws Exception {
        String mall = newMall();
        aroundTheClock(mall, "PT30M");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = complaint(mall);
            var opened = awaitRegister(mall, id);
            assertThat(opened.get("stage")).isEqualTo("AWAITING_HANDOVER");
            Instant receivedAt = Instant.parse((String) opened.get("receivedAt"));
            assertThat(clock(opened, "HANDOVER")).containsEntry("status", "RUNNING")
                    .containsEntry("dueAt", receivedAt.plus(Duration.ofMinutes(30)).toString());
            assertThat(clock(opened, "FEEDBACK")).containsEntry("status", "RUNNING");
            get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/complaints", mall).expectStatus().isOk().expectBody()
                    .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].requestId").isEqualTo(id);

            post(TestTokens.supervisor(mall), REGISTER + "/handover", Map.of(), mall, id).expectStatus().isForbidden();
            post(TestTokens.frontDesk(mall), REGISTER + "/handover", Map.of("note", "顧客情緒激動"), mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("INVESTIGATING")
                    .jsonPath("$.handover.by").isEqualTo("front-desk-" + mall);
            post(TestTokens.frontDesk(mall), REGISTER + "/feedback", Map.of("note", "已回覆"), mall, id)
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("complaint-step-out-of-order");

            sendEvent("dispatch.work-orders.v1", "mall.dispatch.work-order.completed.v1", mall, id, "wo-" + id, """
                    {"workOrderId":"wo-%s","requestId":"%s","department":"PARKING","status":"COMPLETED",
                     "summary":"收費員已當面致歉並培訓","completedAt":"%s"}""".formatted(id, id, Instant.now()));
            await().atMost(shortly()).untilAsserted(() -> assertThat(register(mall, id).get("stage"))
                    .isEqualTo("AWAITING_REVIEW"));
            assertThat(register(mall, id).get("investigation")).isInstanceOfSatisfying(Map.class, step -> assertThat(step)
                    .containsEntry("by", "dispatch").containsEntry("department", "PARKING"));

            post(TestTokens.supervisor(mall), REGISTER + "/review", Map.of("note", "同意"), mall, id).expectStatus().isOk();
            post(TestTokens.frontDesk(mall), REGISTER + "/feedback", Map.of("note", "已致電致歉", "customerSatisfied", true),
                    mall, id).expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("AWAITING_CONCLUSION");
            post(TestTokens.frontDesk(mall), REGISTER + "/conclusion", Map.of("conclusion", "顧客滿意;已培訓收費員"), mall, id)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.stage").isEqualTo("CONCLUDED").jsonPath("$.onTime").isEqualTo(true);

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.complaint.concluded.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"onTime\":true", "\"handedOverAt\"",
                            "\"reviewedAt\"", "\"feedbackAt\"", "\"concludedAt\"", "顧客滿意;已培訓收費員")));
            get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/complaints", mall).expectStatus().isOk().expectBody()
                    .jsonPath("$.total").isEqualTo(0);
        }
    }

    @Test
    @DisplayName("seed 003 §2: a hand-over not made in time is recorded, published and counted once")
    void aMissedHandoverIsRecordedPublishedAndCounted() throws Exception {
        String mall = newMall();
        aroundTheClock(mall, "PT1S");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = complaint(mall);

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.complaint.clock-missed.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"clock\":\"HANDOVER\"", "\"dueAt\"")));
            await().atMost(shortly()).untilAsserted(() -> assertThat(missed(mall, "HANDOVER")).isEqualTo(1.0));
            assertThat(clock(register(mall, id), "HANDOVER")).containsEntry("status", "MISSED");

            post(TestTokens.frontDesk(mall), REGISTER + "/handover", Map.of(), mall, id).expectStatus().isOk()
                    .expectBody().jsonPath("$.onTime").isEqualTo(false);
            assertThat(missed(mall, "HANDOVER")).isEqualTo(1.0);
        }
    }

    @Test
    @DisplayName("seed 004 品質監控: a complaint not answered within 5 working days of receipt misses its feedback clock")
    void aComplaintNotAnsweredInFiveWorkingDaysMissesItsFeedbackClock() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = (String) register(mall, Map.of("channel", "PHONE", "kind", "COMPLAINT", "description", "退貨被拒",
                    "customer", Map.of("name", "陳先生", "phone", "13900001111"),
                    "receivedAt", Instant.now().minus(Duration.ofDays(10)).toString())).get("id");

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.complaint.clock-missed.v1"))
                    .extracting(r -> r.value().contains("\"clock\":\"FEEDBACK\"")).contains(true));
            await().atMost(shortly()).untilAsserted(() -> assertThat(missed(mall, "FEEDBACK")).isEqualTo(1.0));
            assertThat(clock(register(mall, id), "FEEDBACK")).containsEntry("status", "MISSED");
        }
    }

    @Test
    @DisplayName("seed 000 §4.3: only complaints have a register, a cancelled one is withdrawn, and only the mall sees it")
    void onlyComplaintsHaveARegisterAndACancelledOneIsWithdrawn() {
        String mall = newMall();
        aroundTheClock(mall, "PT30M");
        String repair = (String) repair(mall, "1F", "A", "13800000077").get("id");
        String id = complaint(mall);
        awaitRegister(mall, id);
        get(TestTokens.frontDesk(mall), REGISTER, mall, repair).expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("complaint-not-found");
        get(TestTokens.frontDesk(newMall()), REGISTER, mall, id).expectStatus().isForbidden();
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/complaints", mall).expectStatus().isForbidden();

        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "顧客撤回"), mall, id)
                .expectStatus().isOk();
        await().atMost(shortly()).untilAsserted(() -> assertThat(register(mall, id).get("stage")).isEqualTo("WITHDRAWN"));
        post(TestTokens.frontDesk(mall), REGISTER + "/handover", Map.of(), mall, id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("complaint-closed");
    }

    private String complaint(String mall) {
        return (String) register(mall, Map.of("channel", "VISIT", "kind", "COMPLAINT", "description", "停車場收費員態度差",
                "customer", Map.of("name", "陳先生", "phone", "13900001111"))).get("id");
    }

    /** Around the clock (seed 001 §二.1), so the clocks count from now whenever the test runs. */
    private void aroundTheClock(String mall, String handoverLimit) {
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/settings", Map.of("acceptanceLimit", "PT5M",
                "duplicateWindow", "PT30M", "timeZone", "Asia/Shanghai", "siteKind", "CAMPUS",
                "complaintHandoverLimit", handoverLimit), mall).expectStatus().isOk();
    }

    private Map<String, Object> awaitRegister(String mall, String id) {
        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.frontDesk(mall), REGISTER, mall, id)
                .expectStatus().isOk());
        return register(mall, id);
    }

    private Map<String, Object> register(String mall, String id) {
        return get(TestTokens.supervisor(mall), REGISTER, mall, id).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clock(Map<String, Object> register, String name) {
        return ((List<Map<String, Object>>) register.get("clocks")).stream().filter(c -> name.equals(c.get("clock")))
                .findFirst().orElseThrow();
    }

    private double missed(String mall, String clock) {
        var counter = meters.find("msd.intake.complaint.clocks.missed").tag("mall", mall).tag("clock", clock).counter();
        return counter == null ? 0 : counter.count();
    }
}
