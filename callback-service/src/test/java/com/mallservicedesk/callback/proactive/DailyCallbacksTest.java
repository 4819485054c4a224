package com.mallservicedesk.callback.proactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.Timer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class DailyCallbacksTest extends CallbackIntegrationTest {

    private final String mall = newMall();
    private final String supervisor = TestTokens.supervisor(mall);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    DurableTimers timers;

    @Autowired
    DailySampleTimer drawTimer;

    private void tenant(String type, String tenantId, String name, boolean active) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", tenantId);
        data.put("name", name);
        data.put("kind", "COUNTER");
        data.put("floor", "2F");
        data.put("zone", "B");
        data.put("unit", "B-2" + tenantId.substring(tenantId.length() - 2));
        data.put("active", active);
        TestEvents.send(kafka, "intake.tenants.v1", "mall.intake.tenant." + type + ".v1", mall, tenantId, tenantId,
                json.writeValueAsString(data));
    }

    private void directoryOfSixWithOneClosed() {
        for (int i = 1; i <= 6; i++) {
            tenant("registered", mall + "-T0" + i, "專櫃" + i, true);
        }
        tenant("updated", mall + "-T03", "專櫃3", false);
        await().untilAsserted(() -> {
            TenantRoster roster = mongo.findById(mall, TenantRoster.class).block();
            assertThat(roster).isNotNull();
            assertThat(roster.getActive()).hasSize(5).noneMatch(t -> t.tenantId().endsWith("T03"));
        });
    }

    private WebTestClient.ResponseSpec draw(String mallId, String token, String date) {
        return web.post().uri("/api/v1/malls/{mall}/callbacks/daily-sample" + (date == null ? "" : "?date=" + date), mallId)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private LocalDate today() {
        return clock.instant().atZone(SHANGHAI).toLocalDate();
    }

    @Test
    void aSupervisorDrawsTheDaysTenantsOnceAndTheDeskCallsThemBack() {
        directoryOfSixWithOneClosed();
        String date = today().toString();

        Map<String, Object> first = draw(mall, supervisor, date).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(first).containsEntry("date", date).containsEntry("size", 3).containsEntry("drawnBy", "supervisor-" + mall);
        List<String> ids = (List<String>) first.get("callbackIds");
        assertThat(ids).hasSize(3).allMatch(id -> id.startsWith("daily-" + mall + "-" + date));
        assertThat((List<Map<String, Object>>) first.get("tenants")).noneMatch(t -> t.get("tenantId").toString().endsWith("T03"));
        // Drawn once per mall and day: asking again gives the same tenants.
        draw(mall, supervisor, date).expectStatus().isOk().expectBody().jsonPath("$.callbackIds").isEqualTo(ids)
                .jsonPath("$.drawnAt").isEqualTo(first.get("drawnAt"));

        web.get().uri("/api/v1/malls/{mall}/callbacks?kind=DAILY", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$.items[0].kind").isEqualTo("DAILY").jsonPath("$.items[0].tenant.floor").isEqualTo("2F")
                .jsonPath("$.items[0].sampleDate").isEqualTo(date);

        String id = ids.get(0);
        answer(mall, id, Map.of("method", "VISIT", "attitude", "SATISFIED")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("callback-answers-missing")
                .jsonPath("$.errors[0].field").isEqualTo("overall");
        answer(mall, id, Map.of("method", "VISIT", "overall", "SATISFIED", "comment", "希望增加停車位")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED").jsonPath("$.satisfied").isEqualTo(true);
        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.callback.callback.proactive-completed.v1")).singleElement().satisfies(e -> {
                assertThat(e.data().get("overall").asString()).isEqualTo("SATISFIED");
                assertThat(e.data().get("tenantId").asString()).startsWith(mall + "-T0");
            });
            // Not a completion of work: nothing for dispatch, intake or survey's completed-callback counts.
            assertThat(publishedAbout(id, "mall.callback.callback.completed.v1")).isEmpty();
        });
        web.get().uri("/api/v1/malls/{mall}/callbacks/stats?month={m}", mall, date.substring(0, 7))
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.figures.proactive.scheduled").isEqualTo(3)
                .jsonPath("$.figures.proactive.done").isEqualTo(1)
                .jsonPath("$.figures.proactive.satisfactionRate").isEqualTo(1.0)
                .jsonPath("$.figures.completionsNeedingCallback").isEqualTo(0);
    }

    @Test
    void theDrawIsATimerAtTheDesksOpeningThatDrawsTheDayAndSetsTheNextOne() {
        directoryOfSixWithOneClosed();
        LocalDate first = DailySampling.firstDrawFrom(com.mallservicedesk.callback.policy.PolicyBuilder.mall().build(), clock.instant());
        String timerId = TenantRoster.timerId(mall, first);
        Timer timer = await().until(() -> timers.find(timerId).block(), java.util.Objects::nonNull);
        assertThat(timer.dueAt()).isEqualTo(first.atTime(9, 0).atZone(SHANGHAI).toInstant());

        // The timer fires (here by hand, at its time); firing twice draws once.
        drawTimer.fire(timer).block();
        drawTimer.fire(timer).block();
        var sample = draw(mall, supervisor, first.toString()).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(sample).containsEntry("drawnBy", null);
        assertThat((List<?>) sample.get("callbackIds")).hasSize(3);
        String next = TenantRoster.timerId(mall, first.plusDays(1));
        await().untilAsserted(() -> assertThat(timers.find(next).block()).isNotNull());
    }

    @Test
    void theSampleSizeIsTheMallsAndBadRequestsAreRefused() {
        web.put().uri("/api/v1/malls/{mall}/callback-policy", mall).headers(h -> h.setBearerAuth(supervisor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("timing", "NEXT_DAY", "dailySampleSize", 0))
                .exchange().expectStatus().isOk();
        directoryOfSixWithOneClosed();
        draw(mall, supervisor, today().plusDays(1).toString()).expectStatus().isOk()
                .expectBody().jsonPath("$.size").isEqualTo(0).jsonPath("$.callbackIds.length()").isEqualTo(0);

        draw(mall, supervisor, today().minusDays(1).toString()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("daily-sample-date-invalid");
        draw(mall, supervisor, "tomorrow").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-field").jsonPath("$.errors[0].field").isEqualTo("date");
        draw(mall, TestTokens.frontDesk(mall), null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("forbidden");
        String other = newMall();
        draw(mall, TestTokens.supervisor(other), null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
        // Another mall has no roster of this one's tenants: its draw is empty.
        draw(other, TestTokens.supervisor(other), null).expectStatus().isOk()
                .expectBody().jsonPath("$.tenants.length()").isEqualTo(0);
    }
}
