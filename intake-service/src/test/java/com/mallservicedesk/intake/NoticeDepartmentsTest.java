package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Outage notices name the departments that must be told, and their event carries them (contract C3). */
class NoticeDepartmentsTest extends IntakeIntegrationTest {

    @Test
    @DisplayName("seed 000 §4.10 及時通知相關部門和租戶: the published event carries the notice's departments")
    void thePublishedEventCarriesTheDepartments() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.notices.v1")) {
            var notice = post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", body(List.of("ENGINEERING",
                    "SECURITY", "ENGINEERING")), mall).expectStatus().isCreated().expectBody(MAP).returnResult()
                    .getResponseBody();
            String id = (String) notice.get("id");
            assertThat(notice).containsEntry("departments", List.of("ENGINEERING", "SECURITY"));

            await().atMost(shortly()).untilAsserted(() -> assertThat(ofType(probe.records(), id,
                    "mall.intake.notice.published.v1")).singleElement().satisfies(r -> assertThat(r.value())
                    .contains("\"departments\":[\"ENGINEERING\",\"SECURITY\"]")));
            get(TestTokens.deptStaff(mall, "SECURITY"), "/api/v1/malls/{mall}/notices/{id}", mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.departments[1]").isEqualTo("SECURITY");
        }
    }

    @Test
    @DisplayName("seed 000 §4.10: department codes are validated, at most 20; none is allowed")
    void departmentsAreValidatedAndBounded() {
        String mall = newMall();
        List<String> many = IntStream.rangeClosed(1, 21).mapToObj(i -> "DEPT_" + i).toList();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", body(many), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("departments");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", body(List.of("engineering")), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").value(f ->
                        assertThat(f.toString()).startsWith("departments"));
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", body(List.of()), mall)
                .expectStatus().isCreated().expectBody().jsonPath("$.departments.length()").isEqualTo(0);
    }

    private static Map<String, Object> body(List<String> departments) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Map.of("kind", "WATER", "startsAt", now.plus(1, ChronoUnit.HOURS).toString(),
                "endsAt", now.plus(3, ChronoUnit.HOURS).toString(), "message", "B1 明日停水檢修", "departments", departments);
    }
}
