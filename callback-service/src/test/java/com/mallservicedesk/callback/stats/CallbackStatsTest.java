package com.mallservicedesk.callback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class CallbackStatsTest extends CallbackIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    private final String mall = newMall();
    private final String supervisor = TestTokens.supervisor(mall);
    /** 00:30 on 1 October in the mall (Asia/Shanghai), still 30 September in UTC: the mall's October. */
    private static final Instant FIRST_OF_OCTOBER = Instant.parse("2026-09-30T16:30:00Z");

    private String completed(String kind, String department, Instant at) {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, kind, 1, at, Map.of("name", "王小姐", "phone", "13800000000"), department);
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);
        return id;
    }

    private Map<String, Object> stats(String query) {
        return web.get().uri("/api/v1/malls/" + mall + "/callbacks/stats" + query)
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void aMonthsFiguresAreStoredInTheMallsTimeZoneWithRatesTargetsAndDepartments() {
        String satisfied = completed("REPAIR", "ENGINEERING", FIRST_OF_OCTOBER);
        String unsatisfied = completed("REPAIR", "ENGINEERING", FIRST_OF_OCTOBER.plus(Duration.ofDays(3)));
        String complaint = completed("COMPLAINT", "CUSTOMER_SERVICE", FIRST_OF_OCTOBER.plus(Duration.ofDays(4)));
        String unreachable = completed("REPAIR", "ENGINEERING", FIRST_OF_OCTOBER.plus(Duration.ofDays(5)));
        completed("CONSULTATION", "CUSTOMER_SERVICE", FIRST_OF_OCTOBER.plus(Duration.ofDays(6)));

        answer(mall, satisfied, repairAnswers("VERY_SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk();
        answer(mall, unsatisfied, repairAnswers("DISSATISFIED", "SATISFIED", "VERY_DISSATISFIED")).expectStatus().isOk();
        answer(mall, complaint, Map.of("method", "PHONE", "complaintResolved", true, "outcomeAccepted", true,
                "attitude", "BASICALLY_SATISFIED")).expectStatus().isOk();
        for (int day = 6; day <= 8; day++) {
            attempt(mall, unreachable, Map.of("method", "PHONE", "outcome", "UNREACHABLE",
                    "attemptedAt", FIRST_OF_OCTOBER.plus(Duration.ofDays(day)).toString())).expectStatus().isCreated();
        }

        await().untilAsserted(() -> {
            var october = stats("?month=2026-10");
            assertThat(october).containsEntry("month", "2026-10").containsEntry("department", null);
            var figures = (Map<String, Object>) october.get("figures");
            assertThat(figures).containsEntry("completionsNeedingCallback", 4).containsEntry("callbacksDone", 3)
                    .containsEntry("callbackRate", 0.75).containsEntry("answered", 3).containsEntry("satisfied", 2)
                    .containsEntry("satisfactionRate", 0.6667).containsEntry("timelinessRate", 0.5)
                    .containsEntry("attitudeRate", 1.0).containsEntry("qualityRate", 0.5)
                    .containsEntry("complaintResolvedRate", 1.0).containsEntry("unreachable", 1)
                    .containsEntry("exempt", 1).containsEntry("callbackRateMet", false)
                    .containsEntry("satisfactionRateMet", false)
                    .containsEntry("targets", Map.of("callbackRate", 0.95, "satisfactionRate", 0.9));
            assertThat((List<Map<String, Object>>) october.get("departments"))
                    .extracting(d -> d.get("department"), d -> ((Map<String, Object>) d.get("figures")).get("completionsNeedingCallback"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CUSTOMER_SERVICE", 1),
                            org.assertj.core.groups.Tuple.tuple("ENGINEERING", 3));
        });
        // 16:30 UTC on 30 September is October in the mall.
        assertThat((Map<String, Object>) stats("?month=2026-09").get("figures")).containsEntry("completionsNeedingCallback", 0)
                .containsEntry("callbackRate", null);
        assertThat((Map<String, Object>) stats("?month=2026-10&department=ENGINEERING").get("figures"))
                .containsEntry("completionsNeedingCallback", 3).containsEntry("callbacksDone", 2)
                .containsEntry("satisfactionRate", 0.5);
        var range = stats("?from=2026-09&to=2026-10");
        assertThat(range).containsEntry("from", "2026-09").containsEntry("to", "2026-10").containsEntry("month", null);
        assertThat((Map<String, Object>) range.get("figures")).containsEntry("completionsNeedingCallback", 4);

        // The figures go out as events for survey's reports, the latest with the month's totals.
        await().untilAsserted(() -> {
            List<Published> updates = publishedAbout(mall + "|2026-10", "mall.callback.stats.updated.v1");
            assertThat(updates).isNotEmpty();
            JsonNode latest = updates.get(updates.size() - 1).data();
            assertThat(latest.get("mallId").asString()).isEqualTo(mall);
            assertThat(latest.get("month").asString()).isEqualTo("2026-10");
            assertThat(latest.get("department").isNull()).isTrue();
            assertThat(latest.get("completionsNeedingCallback").asLong()).isEqualTo(4);
            assertThat(latest.get("callbacksDone").asLong()).isEqualTo(3);
            assertThat(latest.get("callbacksOnTime").asLong()).isZero();
            assertThat(latest.get("callbackRate").asDouble()).isEqualTo(0.75);
            assertThat(latest.get("satisfied").asLong()).isEqualTo(2);
            assertThat(latest.get("satisfactionRate").asDouble()).isEqualTo(0.6667);
            assertThat(latest.get("timelinessRate").asDouble()).isEqualTo(0.5);
            assertThat(latest.get("attitudeRate").asDouble()).isEqualTo(1.0);
            assertThat(latest.get("qualityRate").asDouble()).isEqualTo(0.5);
            assertThat(latest.get("unreachable").asLong()).isEqualTo(1);
            assertThat(latest.get("targets").get("callbackRate").asDouble()).isEqualTo(0.95);
            assertThat(latest.get("callbackRateMet").asBoolean()).isFalse();
            assertThat(latest.get("satisfactionRateMet").asBoolean()).isFalse();
            assertThat(publishedAbout(mall + "|2026-10|ENGINEERING", "mall.callback.stats.updated.v1")).isNotEmpty();
        });
    }

    @Test
    void thisMonthsFiguresAreGaugesPerMall() {
        String id = completed("REPAIR", "ENGINEERING", clock.instant());
        answer(mall, id, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk();
        await().untilAsserted(() -> assertThat(prometheus())
                .contains("msd_callback_month_completions{application=\"callback-service\",mall=\"" + mall + "\"} 1.0")
                .contains("msd_callback_month_done{application=\"callback-service\",mall=\"" + mall + "\"} 1.0")
                .contains("msd_callback_month_rate{application=\"callback-service\",mall=\"" + mall + "\"} 1.0")
                .contains("msd_callback_month_satisfaction{application=\"callback-service\",mall=\"" + mall + "\"} 1.0")
                .contains("msd_callback_month_target_met{application=\"callback-service\",mall=\"" + mall + "\",target=\"callback-rate\"} 1.0"));
        String thisMonth = YearMonth.from(clock.instant().atZone(SHANGHAI)).toString();
        assertThat((Map<String, Object>) stats("").get("figures")).containsEntry("callbacksDone", 1);
        assertThat(stats("")).containsEntry("month", thisMonth);
    }

    @Test
    void aMonthThatMissedAChangeIsCountedAgainFromItsCallbacks() {
        String answered = completed("REPAIR", "ENGINEERING", FIRST_OF_OCTOBER);
        completed("COMPLAINT", "CUSTOMER_SERVICE", FIRST_OF_OCTOBER.plus(Duration.ofDays(1)));
        answer(mall, answered, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk();
        await().untilAsserted(() -> assertThat((Map<String, Object>) stats("?month=2026-10").get("figures"))
                .containsEntry("callbacksDone", 1));
        // The service stopped between a callback's write and its figures' write: the month lost its figures.
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("mallId").is(mall)), CallbackMonth.class).block();
        assertThat((Map<String, Object>) stats("?month=2026-10").get("figures")).containsEntry("completionsNeedingCallback", 0);

        web.post().uri("/api/v1/malls/{mall}/callbacks/stats/rebuild?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.token("m", List.of(mall), List.of("MANAGER"), null)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.callbacks").isEqualTo(2);
        var october = stats("?month=2026-10");
        assertThat((Map<String, Object>) october.get("figures")).containsEntry("completionsNeedingCallback", 2)
                .containsEntry("callbacksDone", 1).containsEntry("satisfied", 1);
        assertThat((List<?>) october.get("departments")).hasSize(2);

        web.post().uri("/api/v1/malls/{mall}/callbacks/stats/rebuild?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/malls/{mall}/callbacks/stats/rebuild?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(newMall()))).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/malls/{mall}/callbacks/stats/rebuild?month=last", mall)
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
    }

    @Test
    void badPeriodsAreRefusedAndAnotherMallSeesNothingOfThisOne() {
        completed("REPAIR", "ENGINEERING", clock.instant());
        for (String bad : List.of("?month=2026-13", "?month=October", "?from=2026-10&to=2026-09", "?from=2024-01&to=2026-10",
                "?month=2026-10&from=2026-09", "?department=" + "x".repeat(60))) {
            web.get().uri("/api/v1/malls/" + mall + "/callbacks/stats" + bad).headers(h -> h.setBearerAuth(supervisor))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").exists();
        }
        String other = newMall();
        web.get().uri("/api/v1/malls/{mall}/callbacks/stats", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/callbacks/stats", mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "ENGINEERING")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/callbacks/stats", other).headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.figures.completionsNeedingCallback").isEqualTo(0)
                .jsonPath("$.departments.length()").isEqualTo(0);
        // The stats events of a mall carry only that mall.
        await().untilAsserted(() -> {
            try (TopicProbe probe = TopicProbe.on(CALLBACKS)) {
                assertThat(probe.records()).filteredOn(r -> "mall.callback.stats.updated.v1"
                                .equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE)))
                        .filteredOn(r -> CloudEventHeaders.read(r.headers(), CloudEventHeaders.SUBJECT).startsWith(mall + "|"))
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(CloudEventHeaders.read(r.headers(), CloudEventHeaders.MALL_ID)).isEqualTo(mall));
            }
        });
    }
}
