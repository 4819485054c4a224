package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public-area usage applications (公共區域使用管理規程, seed 000 last section) over HTTP, with their events. */
class PublicAreaApplicationsTest extends IntakeIntegrationTest {

    private static final String BASE = "/api/v1/malls/{mall}/public-area-applications";

    @Test
    @DisplayName("seed 000 公共區域 §4.1–§4.4: an application goes from submitted to closed, each step an event")
    void anApplicationGoesAllTheWay() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.public-area.v1")) {
            String id = submit(mall);
            step(TestTokens.supervisor(mall), mall, id, "review", Map.of("opinion", "方案可行",
                    "departmentOpinions", List.of(Map.of("department", "SECURITY", "opinion", "保留消防通道"))))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REVIEWED")
                    .jsonPath("$.opinions.length()").isEqualTo(2);
            step(TestTokens.supervisor(mall), mall, id, "decision", Map.of("approved", true, "note", "同意"))
                    .expectStatus().isForbidden();
            step(manager(mall), mall, id, "decision", Map.of("approved", true, "note", "總經理書面同意"))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
            step(TestTokens.frontDesk(mall), mall, id, "schedule", Map.of("contractor", "華美搭建",
                    "scheduleReference", "進度表 2026-11-30", "entryFormalitiesCompleted", false))
                    .expectStatus().isBadRequest();
            step(TestTokens.frontDesk(mall), mall, id, "schedule", Map.of("contractor", "華美搭建",
                    "scheduleReference", "進度表 2026-11-30", "entryFormalitiesCompleted", true))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
            step(TestTokens.deptStaff(mall, "SECURITY"), mall, id, "inspections", Map.of("department", "SECURITY",
                    "note", "展台佔用消防通道", "violation", true, "rectification", "18:00 前後移一米"))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_USE")
                    .jsonPath("$.inspections[0].rectification").isEqualTo("18:00 前後移一米");
            step(TestTokens.supervisor(mall), mall, id, "completion-inspections", Map.of("conforming", false,
                    "nonConformities", "地面膠痕未清", "writtenNote", "三日內清除"))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RECTIFICATION_REQUIRED");
            step(TestTokens.supervisor(mall), mall, id, "completion-inspections", Map.of("conforming", true))
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETION_INSPECTED");
            step(manager(mall), mall, id, "close", Map.of())
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

            await().atMost(shortly()).untilAsserted(() -> {
                assertThat(ofType(probe.records(), id, "mall.intake.public-area.submitted.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"planReference\":\"圖紙 UQ-2026-11\""));
                assertThat(ofType(probe.records(), id, "mall.intake.public-area.status-changed.v1")).hasSize(7)
                        .anySatisfy(r -> assertThat(r.value()).contains("\"step\":\"INSPECT\"").contains("\"violation\":true"));
            });
        }
    }

    @Test
    @DisplayName("seed 000 公共區域 §3.2: a step out of order is a bilingual 409; the list pages and filters by status")
    void wrongStepsAreConflictsAndTheListPages() {
        String mall = newMall();
        String first = submit(mall);
        String second = submit(mall);
        step(manager(mall), mall, first, "decision", Map.of("approved", true, "note", "同意"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("public-area-illegal-transition")
                .jsonPath("$.title").isEqualTo("当前状态下不能执行此步骤");
        web.post().uri(BASE + "/{id}/close", mall, first).headers(h -> h.setBearerAuth(manager(mall)))
                .header("Accept-Language", "en").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.title").isEqualTo("Step not possible in this status");
        step(TestTokens.supervisor(mall), mall, second, "review", Map.of("opinion", "可行")).expectStatus().isOk();

        get(TestTokens.deptStaff(mall, "ENGINEERING"), BASE + "?status=REVIEWED", mall)
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(second);
        get(TestTokens.supervisor(mall), BASE + "?size=1", mall)
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.items.length()").isEqualTo(1);
        get(TestTokens.supervisor(mall), BASE + "?page=-1", mall).expectStatus().isBadRequest();
        get(TestTokens.supervisor(mall), BASE + "/{id}", mall, "nope")
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("public-area-application-not-found");
        post(TestTokens.frontDesk(mall), BASE, Map.of("applicant", Map.of("name", "王先生", "kind", "OWNER"),
                "area", Map.of("description", "外立面"), "purpose", "廣告", "from", Instant.now().plus(Duration.ofDays(2)).toString(),
                "to", Instant.now().plus(Duration.ofDays(1)).toString(), "planReference", "圖 1"), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        post(TestTokens.frontDesk("OTHER"), BASE, Map.of(), mall).expectStatus().isForbidden();
    }

    private String submit(String mall) {
        return (String) post(TestTokens.frontDesk(mall), BASE, Map.of(
                "applicant", Map.of("name", "優衣庫", "kind", "TENANT"),
                "area", Map.of("floor", "1F", "zone", "外廣場", "description", "東門外廣場 20 平方米"),
                "purpose", "新品推廣活動,搭建展台",
                "from", Instant.now().plus(Duration.ofDays(7)).toString(),
                "to", Instant.now().plus(Duration.ofDays(9)).toString(),
                "planReference", "圖紙 UQ-2026-11"), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec step(String token, String mall,
                                                                                        String id, String step,
                                                                                        Map<String, Object> body) {
        return post(token, BASE + "/{id}/" + step, body, mall, id);
    }
}
