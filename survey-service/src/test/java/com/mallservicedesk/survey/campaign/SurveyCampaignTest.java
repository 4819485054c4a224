package com.mallservicedesk.survey.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SurveyCampaignTest extends SurveyIntegrationTest {

    private final String mall = newMall();
    private final SurveyEvents events = events(mall);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    CloseTimerHandler closeTimer;

    /** Two anchor stores, six counters (one closed) from intake's tenant events. */
    private void directory() {
        events.tenant("A1", "百货大店", "ANCHOR_STORE", true);
        events.tenant("A2", "超市大店", "ANCHOR_STORE", true);
        for (int i = 1; i <= 6; i++) {
            events.tenant("C" + i, "专柜" + i, "COUNTER", true);
        }
        events.tenantUpdated("C6", "专柜6", "COUNTER", false); // left the mall
        await().untilAsserted(() -> assertThat(mongo.findById(mall + "|C6", Map.class, "survey_tenants").block())
                .containsEntry("active", false));
        await().untilAsserted(() -> assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("mallId").is(mall)), "survey_tenants").block())
                .isEqualTo(8));
    }

    private Map<String, Object> open(int sampleSize, List<String> typical) {
        return web.post().uri("/api/v1/malls/{mall}/surveys", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("period", "2026-H2", "sampleSize", sampleSize, "typicalTenants", typical, "seed", 20261101L,
                        "formAItems", List.of(map("code", "ENVIRONMENT", "title", "公共区域环境卫生", "department", "CLEANING"),
                                map("code", "REPAIR", "title", "报修响应及维修质量", "department", "ENGINEERING"),
                                map("code", "SECURITY", "title", "安全秩序", "department", "SECURITY"))))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec answer(String id, String token, String respondent, Map<String, String> answers) {
        return web.post().uri("/api/v1/malls/{mall}/surveys/{id}/responses", mall, id)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("respondentId", respondent, "answers", answers, "comment", "希望加强巡查"))
                .exchange();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCampaignSamplesTheDirectoryTakesEachAnswerOnceAndTurnsWeakItemsIntoImprovementActions() throws Exception {
        directory();
        Map<String, Object> campaign = open(2, List.of("C1"));
        String id = (String) campaign.get("id");
        assertThat(id).isEqualTo("sv-" + mall + "-2026-H2");
        var forms = (List<Map<String, Object>>) campaign.get("forms");
        var formA = (List<Map<String, Object>>) forms.get(0).get("respondents");
        assertThat(formA).extracting(r -> r.get("id") + ":" + r.get("group"))
                .contains("A1:ANCHOR_STORE", "A2:ANCHOR_STORE", "C1:TYPICAL_COUNTER")
                .hasSize(5)
                .noneMatch(r -> r.startsWith("C6"));
        assertThat((List<Map<String, Object>>) forms.get(1).get("respondents")).extracting(r -> r.get("id"))
                .containsExactly("ENGINEERING", "SECURITY", "CLEANING");
        String sampled = formA.stream().filter(r -> "SAMPLED_COUNTER".equals(r.get("group")))
                .map(r -> (String) r.get("id")).findFirst().orElseThrow();
        String notSampled = List.of("C2", "C3", "C4", "C5").stream()
                .filter(c -> formA.stream().noneMatch(r -> c.equals(r.get("id")))).findFirst().orElseThrow();

        // The durable timer closes it when the half-year ends (midnight of 1 January in Shanghai).
        Timer timer = await().until(() -> mongo.findById("survey-close:" + id, Timer.class).block(),
                java.util.Objects::nonNull);
        assertThat(timer.dueAt()).hasToString("2026-12-31T16:00:00Z");

        // One campaign per half-year.
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", "2026-H2", "sampleSize", 1))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("survey-exists");

        String desk = TestTokens.frontDesk(mall);
        answer(id, desk, "A1", Map.of("ENVIRONMENT", "VERY_SATISFIED", "REPAIR", "SATISFIED", "SECURITY", "VERY_SATISFIED"))
                .expectStatus().isCreated();
        answer(id, desk, "A2", Map.of("ENVIRONMENT", "SATISFIED", "REPAIR", "DISSATISFIED", "SECURITY", "SATISFIED"))
                .expectStatus().isCreated();
        answer(id, desk, "C1", Map.of("ENVIRONMENT", "VERY_SATISFIED", "REPAIR", "VERY_DISSATISFIED")).expectStatus().isCreated();
        // A retried form with the same Idempotency-Key gets the first answer and is not counted twice.
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/v1/malls/{mall}/surveys/{id}/responses", mall, id)
                    .headers(h -> h.setBearerAuth(desk)).header("Idempotency-Key", "form-" + sampled)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(map("respondentId", sampled, "answers", Map.of("ENVIRONMENT", "VERY_SATISFIED", "REPAIR",
                            "BASICALLY_SATISFIED", "SECURITY", "VERY_SATISFIED")))
                    .exchange().expectStatus().isCreated().expectBody().jsonPath("$.responded").isEqualTo(4);
        }
        answer(id, TestTokens.deptStaff(mall, "ENGINEERING"), "ENGINEERING",
                Map.of("COOPERATION", "VERY_SATISFIED", "RESPONSE", "BASICALLY_SATISFIED", "ATTITUDE", "VERY_SATISFIED",
                        "INFORMATION", "DISSATISFIED")).expectStatus().isCreated();

        // Double answers, respondents outside the sample, another department's form: refused.
        answer(id, desk, "A1", Map.of("ENVIRONMENT", "SATISFIED")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("survey-already-answered");
        answer(id, desk, notSampled, Map.of("ENVIRONMENT", "SATISFIED")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("survey-respondent-not-sampled");
        answer(id, desk, "C6", Map.of("ENVIRONMENT", "SATISFIED")).expectStatus().isEqualTo(422);
        answer(id, TestTokens.deptStaff(mall, "SECURITY"), "CLEANING", Map.of("COOPERATION", "SATISFIED"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("survey-not-your-department");
        answer(id, desk, "SECURITY", Map.of("NOT_AN_ITEM", "SATISFIED")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("survey-item-unknown");
        answer(id, desk, "SECURITY", Map.of("COOPERATION", "SO_SO")).expectStatus().isBadRequest();

        // Results: A1 100 %, A2 66.7 %, C1 50 %, sampled 100 %, ENGINEERING 75 % → overall 78.3 %.
        // REPAIR scored 4 + 2 + 1 + 3 = 10 of 4 × 5 → 50 %; ENVIRONMENT 19 of 20 → 95 %; SECURITY 14 of 15 → 93.3 %.
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}/results", mall, id)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.responded").isEqualTo(5)
                .jsonPath("$.overall").isEqualTo(78.3)
                .jsonPath("$.forms[0].satisfaction").isEqualTo(79.2)
                .jsonPath("$.forms[0].items[?(@.code=='REPAIR')].satisfaction").isEqualTo(50.0)
                .jsonPath("$.forms[0].items[?(@.code=='REPAIR')].totalScore").isEqualTo(10)
                .jsonPath("$.forms[0].items[?(@.code=='REPAIR')].maxScore").isEqualTo(20)
                .jsonPath("$.forms[0].items[?(@.code=='REPAIR')].belowTarget").isEqualTo(true)
                .jsonPath("$.forms[0].items[?(@.code=='ENVIRONMENT')].satisfaction").isEqualTo(95.0)
                .jsonPath("$.groups[?(@.group=='ANCHOR_STORE')].satisfaction").isEqualTo(83.3)
                .jsonPath("$.respondents[?(@.respondentId=='A2')].satisfaction").isEqualTo(66.7);

        // Closing by hand turns every item below 90 % into an improvement action and publishes it.
        web.post().uri("/api/v1/malls/{mall}/surveys/{id}/close", mall, id).headers(h -> h.setBearerAuth(manager(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        answer(id, desk, "SECURITY", Map.of("COOPERATION", "SATISFIED")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("survey-closed");
        String repairAction = "imp-" + id + "-A-REPAIR";
        List<Map<String, Object>> actions = (List<Map<String, Object>>) web.get()
                .uri("/api/v1/malls/{mall}/improvements", mall)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody()
                .get("items");
        assertThat(actions).extracting(a -> a.get("id"))
                .containsExactlyInAnyOrder(repairAction, "imp-" + id + "-B-RESPONSE", "imp-" + id + "-B-INFORMATION");
        assertThat(actions).filteredOn(a -> repairAction.equals(a.get("id"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("department", "ENGINEERING").containsEntry("status", "OPEN")
                        .containsEntry("owner", "ENGINEERING").containsKey("dueOn"));
        await().untilAsserted(() -> assertThat(published(mall, "mall.survey.improvement.opened.v1"))
                .extracting(p -> p.data().get("itemCode").asString())
                .containsExactlyInAnyOrder("REPAIR", "RESPONSE", "INFORMATION"));
        await().untilAsserted(() -> assertThat(published(mall, "mall.survey.campaign.closed.v1")).singleElement()
                .satisfies(p -> assertThat(p.data().get("overall").asDouble()).isEqualTo(78.3)));

        await().untilAsserted(() -> assertThat(prometheus()).contains("msd_survey_campaign_satisfaction_ratio{application="
                + "\"survey-service\",mall=\"" + mall + "\",period=\"2026-H2\"} 0.783"));

        // The period's timer firing later changes nothing and opens nothing twice.
        closeTimer.fire(timer).block();
        assertThat(web.get().uri("/api/v1/malls/{mall}/improvements", mall).headers(h -> h.setBearerAuth(manager(mall)))
                .exchange().expectBody(Map.class).returnResult().getResponseBody()).containsEntry("total", 3);

        // The manager records the improvement plan.
        web.put().uri("/api/v1/malls/{mall}/improvements/{id}", mall, repairAction)
                .headers(h -> h.setBearerAuth(manager(mall))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("plan", "工程部每周复盘报修单，48小时内完成率提升至95%", "owner", "张工", "dueOn", "2027-02-28"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PLANNED").jsonPath("$.owner").isEqualTo("张工");
        web.put().uri("/api/v1/malls/{mall}/improvements/{id}", mall, "imp-" + id + "-B-RESPONSE")
                .headers(h -> h.setBearerAuth(manager(mall))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("status", "DONE")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("improvement-plan-required");
        web.put().uri("/api/v1/malls/{mall}/improvements/{id}", mall, repairAction)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("plan", "x")).exchange().expectStatus().isForbidden();
        await().untilAsserted(() -> assertThat(published(mall, "mall.survey.improvement.updated.v1")).singleElement()
                .satisfies(p -> assertThat(p.data().get("status").asString()).isEqualTo("PLANNED")));

        // The evaluation report, as JSON and as a PDF in Chinese.
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}/evaluation", mall, id).accept(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.overall").isEqualTo(78.3)
                .jsonPath("$.improvements.length()").isEqualTo(3)
                .jsonPath("$.assessment[1]").value(text -> assertThat((String) text).contains("总满意率为78.3%"));
        byte[] pdf = web.get().uri("/api/v1/malls/{mall}/surveys/{id}/evaluation", mall, id)
                .accept(MediaType.APPLICATION_PDF).headers(h -> h.setBearerAuth(manager(mall))).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("顾客满意度调查评估报告", "总满意率", "78.3%", "报修响应及维修质量", "低于目标",
                    "工程部每周复盘报修单", "张工");
        }
    }

    @Test
    void everySurveyEndpointIsScopedToItsMall() {
        directory();
        String id = (String) open(1, List.of()).get("id");
        String other = newMall();
        // Another mall's id is not found in this mall; a mall not in the token is forbidden.
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}", other, id).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("survey-not-found");
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}/results", other, id)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other))).exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/malls/{mall}/surveys/{id}/responses", other, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(other))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("respondentId", "A1", "answers", Map.of("ENVIRONMENT", "SATISFIED")))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}", mall, id).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
        web.get().uri("/api/v1/malls/{mall}/surveys", other).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.total").isEqualTo(0);
        // Roles: the front desk enters forms but does not open campaigns or read results.
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", "2027-H1", "sampleSize", 1))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        web.get().uri("/api/v1/malls/{mall}/surveys/{id}/results", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/improvements/{id}", other, "imp-" + id + "-A-REPAIR")
                .headers(h -> h.setBearerAuth(manager(other))).exchange().expectStatus().isNotFound();
    }

    @Test
    void aCampaignNeedsAValidOpenHalfYearAndKnownTypicalCounters() {
        directory();
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", "2026-Q4", "sampleSize", 1))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("survey-period-invalid");
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", "2026-H1", "sampleSize", 1))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("survey-period-ended");
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(map("period", "2027-H1", "sampleSize", 1, "typicalTenants", List.of("C6")))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("survey-typical-tenant-unknown");
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", "2027-H1", "sampleSize", -1))
                .exchange().expectStatus().isBadRequest();
    }
}
