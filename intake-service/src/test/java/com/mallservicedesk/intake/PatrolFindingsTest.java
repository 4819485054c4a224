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

/** Patrol findings (巡檢發現, seed 002) over HTTP, with their events and the deadline timer. */
class PatrolFindingsTest extends IntakeIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("seed 002 一.3(4), 一.4(1): the supervisor records a finding, the responsible department reports progress and rectifies it")
    void aFindingIsRecordedFollowedAndRectified() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.patrol-findings.v1")) {
            var finding = record(mall, TestTokens.supervisor(mall), "CLEANING", Instant.now().plus(Duration.ofDays(2)));
            String id = (String) finding.get("id");
            assertThat(finding).containsEntry("status", "OPEN");

            post(TestTokens.deptStaff(mall, "SECURITY"), "/api/v1/malls/{mall}/patrol-findings/{id}/progress",
                    Map.of("note", "not ours"), mall, id)
                    .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("patrol-finding-other-department");
            post(TestTokens.deptStaff(mall, "CLEANING"), "/api/v1/malls/{mall}/patrol-findings/{id}/progress",
                    Map.of("note", "已安排人員清理"), mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.progress[0].note").isEqualTo("已安排人員清理")
                    .jsonPath("$.progress[0].department").isEqualTo("CLEANING");
            post(TestTokens.deptStaff(mall, "CLEANING"), "/api/v1/malls/{mall}/patrol-findings/{id}/rectification",
                    Map.of("note", "紙箱已清走,通道暢通"), mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RECTIFIED")
                    .jsonPath("$.rectificationNote").isEqualTo("紙箱已清走,通道暢通");
            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings/{id}/rectification",
                    Map.of("note", "again"), mall, id)
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("patrol-finding-illegal-transition")
                    .jsonPath("$.title").isEqualTo("巡检发现已整改");
            web.post().uri("/api/v1/malls/{mall}/patrol-findings/{id}/rectification", mall, id)
                    .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).header("Accept-Language", "en")
                    .bodyValue(Map.of("note", "again")).exchange()
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.title").isEqualTo("Patrol finding already rectified");

            await().atMost(shortly()).untilAsserted(() -> {
                assertThat(ofType(probe.records(), id, "mall.intake.patrol-finding.recorded.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"responsibleDepartment\":\"CLEANING\"")
                                .contains("\"floor\":\"B1\""));
                assertThat(ofType(probe.records(), id, "mall.intake.patrol-finding.rectified.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"late\":false"));
            });
        }
    }

    @Test
    @DisplayName("seed 002 一.4(1) 限期整改: at the deadline an open finding becomes overdue, with an event and a metric")
    void anOpenFindingBecomesOverdueAtItsDeadline() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.patrol-findings.v1")) {
            String id = (String) record(mall, manager(mall), "ENGINEERING", Instant.now().plusSeconds(2)).get("id");

            await().atMost(shortly()).untilAsserted(() -> assertThat(ofType(probe.records(), id,
                    "mall.intake.patrol-finding.overdue.v1")).singleElement());
            get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings/{id}", mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OVERDUE")
                    .jsonPath("$.overdue").isEqualTo(true);
            assertThat(meters.find("msd.intake.patrol.findings.overdue").tags("mall", mall).counter().count()).isEqualTo(1.0);
            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings/{id}/rectification",
                    Map.of("note", "遲了一天完成"), mall, id).expectStatus().isOk();
            await().atMost(shortly()).untilAsserted(() -> assertThat(ofType(probe.records(), id,
                    "mall.intake.patrol-finding.rectified.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"late\":true")));
        }
    }

    @Test
    @DisplayName("seed 002 一.3(4): open findings come first, earliest deadline first; status filters; only supervisors and managers record")
    void theListShowsOpenFindingsFirst() {
        String mall = newMall();
        String later = (String) record(mall, TestTokens.supervisor(mall), "CLEANING", Instant.now().plus(Duration.ofDays(5))).get("id");
        String done = (String) record(mall, TestTokens.supervisor(mall), "CLEANING", Instant.now().plus(Duration.ofDays(1))).get("id");
        String sooner = (String) record(mall, TestTokens.supervisor(mall), "SECURITY", Instant.now().plus(Duration.ofDays(2))).get("id");
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings/{id}/rectification",
                Map.of("note", "done"), mall, done).expectStatus().isOk();

        assertThat(ids(get(TestTokens.deptStaff(mall, "CLEANING"), "/api/v1/malls/{mall}/patrol-findings", mall)))
                .containsExactly(sooner, later, done);
        assertThat(ids(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings?status=RECTIFIED", mall)))
                .containsExactly(done);
        assertThat(ids(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings?department=SECURITY", mall)))
                .containsExactly(sooner);
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings?size=201", mall).expectStatus().isBadRequest();

        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/patrol-findings", body("CLEANING",
                Instant.now().plus(Duration.ofDays(1))), mall).expectStatus().isForbidden();
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings", body("cleaning",
                Instant.now().plus(Duration.ofDays(100))), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field")
                .value(f -> assertThat(f.toString()).contains("responsible.department"));
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings", body("CLEANING",
                Instant.now().plus(Duration.ofDays(100))), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("too-far");
        post(TestTokens.supervisor("OTHER"), "/api/v1/malls/{mall}/patrol-findings", body("CLEANING",
                Instant.now().plus(Duration.ofDays(1))), mall).expectStatus().isForbidden();
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/patrol-findings/{id}", mall, "nope")
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("patrol-finding-not-found");
    }

    private Map<String, Object> record(String mall, String token, String department, Instant deadline) {
        return post(token, "/api/v1/malls/{mall}/patrol-findings", body(department, deadline), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
    }

    private static Map<String, Object> body(String department, Instant deadline) {
        return Map.of("place", Map.of("floor", "B1", "zone", "C", "spot", "東側樓梯"),
                "description", "樓梯間堆放紙箱,堵塞消防通道",
                "responsible", Map.of("name", "張班長", "department", department),
                "deadline", deadline.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        var page = response.expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
    }
}
