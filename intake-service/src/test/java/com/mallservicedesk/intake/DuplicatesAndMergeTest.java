package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicatesAndMergeTest extends IntakeIntegrationTest {

    @Test
    void reportsOfTheSameKindFloorAndZoneAreFlaggedAsDuplicatesOfTheFirst() {
        String mall = newMall();
        String first = (String) repair(mall, "3F", "B", "13800000010").get("id");
        var second = repair(mall, "3F", "B", "13800000011");
        var third = repair(mall, "3F", "B", "13800000012");
        var otherZone = repair(mall, "3F", "C", "13800000013");
        var otherKind = register(mall, Map.of("channel", "PHONE", "kind", "COMPLAINT", "description", "噪音", "anonymous", true,
                "location", Map.of("floor", "3F", "zone", "B")));

        assertThat(second.get("possibleDuplicateOf")).isEqualTo(first);
        assertThat(third.get("possibleDuplicateOf")).isEqualTo(first);
        assertThat(otherZone.get("possibleDuplicateOf")).isNull();
        assertThat(otherKind.get("possibleDuplicateOf")).isNull();
        assertThat(request(mall, first).get("possibleDuplicateOf")).isNull();
    }

    @Test
    void aReportOutsideTheWindowIsNoDuplicateAndTheNextOnesFollowTheNewFirst() {
        String mall = newMall();
        var twoHoursAgo = register(mall, Map.of("channel", "PHONE", "kind", "REPAIR", "description", "四樓D區漏水",
                "anonymous", true, "location", Map.of("floor", "4F", "zone", "D"),
                "receivedAt", java.time.Instant.now().minus(java.time.Duration.ofHours(2)).toString()));
        var now = repair(mall, "4F", "D", "13800000040");
        var soonAfter = repair(mall, "4F", "D", "13800000041");

        assertThat(twoHoursAgo.get("possibleDuplicateOf")).isNull();
        assertThat(now.get("possibleDuplicateOf")).isNull();
        assertThat(soonAfter.get("possibleDuplicateOf")).isEqualTo(now.get("id"));
    }

    @Test
    void aCancelledFirstReportHandsThePlaceToTheNextReport() {
        String mall = newMall();
        String cancelled = (String) repair(mall, "5F", "E", "13800000050").get("id");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "報錯位置"), mall,
                cancelled).expectStatus().isOk();
        var next = repair(mall, "5F", "E", "13800000051");
        var after = repair(mall, "5F", "E", "13800000052");

        assertThat(next.get("possibleDuplicateOf")).isNull();
        assertThat(after.get("possibleDuplicateOf")).isEqualTo(next.get("id"));
    }

    @Test
    void aZeroWindowTurnsDuplicateFlaggingOff() {
        String mall = newMall();
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT0S", "timeZone", "Asia/Shanghai"))
                .exchange().expectStatus().isOk();
        repair(mall, "1F", "A", "13800000020");
        assertThat(repair(mall, "1F", "A", "13800000021").get("possibleDuplicateOf")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergingKeepsEveryReporterOnTheParentForTheCallback() {
        String mall = newMall();
        String parent = (String) repair(mall, "2F", "A", "13800000030").get("id");
        String duplicate = (String) register(mall, Map.of("channel", "WECHAT", "kind", "REPAIR", "description", "二樓A區漏水",
                "location", Map.of("floor", "2F", "zone", "A"),
                "customer", Map.of("name", "陳先生", "phone", "13900000031", "type", "TENANT", "tenantId", "t-1"))).get("id");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", parent), mall,
                    duplicate)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("MERGED")
                    .jsonPath("$.mergedInto").isEqualTo(parent);

            var parentView = request(mall, parent);
            assertThat((List<Map<String, Object>>) parentView.get("reporters")).singleElement().satisfies(r -> {
                assertThat(r).containsEntry("requestId", duplicate).containsEntry("name", "陳先生")
                        .containsEntry("phone", "13900000031").containsEntry("type", "TENANT");
            });
            assertThat(parentView.get("status")).isEqualTo("REGISTERED");
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), duplicate, "mall.intake.request.merged.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"parentRequestId\":\"" + parent + "\"")
                            .contains("13900000031").contains("陳先生")));
        }

        // Merging again, or into a finished request, or into itself, is refused and changes nothing.
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", parent), mall,
                duplicate).expectStatus().isEqualTo(409);
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", duplicate), mall,
                parent).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("request-merge-not-allowed");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", parent), mall,
                parent).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("request-merge-into-itself");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/merge", Map.of("parentId", "missing"), mall,
                parent).expectStatus().isNotFound();
        assertThat((List<?>) request(mall, parent).get("reporters")).hasSize(1);
    }
}
