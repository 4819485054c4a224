package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OnlineMessagesTest extends IntakeIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void anOnlineMessageWaitsForAcceptanceAndIsPublishedForDispatchOnlyWhenAccepted() {
        String mall = newMall();
        setAcceptanceLimit(mall, "PT5M");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            Instant sent = Instant.now().minusSeconds(30);
            var message = post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                    Map.of("kind", "REPAIR", "description", "微信報修:二樓電梯口地磚鬆動", "receivedAt", sent.toString(),
                            "location", Map.of("floor", "2F", "zone", "C"),
                            "customer", Map.of("name", "李先生", "phone", "13700001111", "type", "SHOPPER")), mall, "WECHAT")
                    .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
            String id = (String) message.get("id");

            assertThat(message.get("status")).isEqualTo("PENDING_ACCEPTANCE");
            assertThat(message.get("owner")).isNull();
            assertThat(Instant.parse((String) ((Map<?, ?>) message.get("deadlines")).get("acceptanceDueAt")))
                    .isEqualTo(sent.plus(Duration.ofMinutes(5)));
            await().atMost(shortly()).untilAsserted(() -> {
                var records = probe.records();
                assertThat(ofType(records, id, "mall.intake.message.received.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"channel\":\"WECHAT\"")
                                .contains("\"acceptanceDueAt\"").doesNotContain("13700001111"));
                assertThat(ofType(records, id, "mall.intake.request.registered.v1")).isEmpty();
            });

            double acceptedBefore = acceptances(mall);
            var accepted = post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept",
                    Map.of("priority", "HIGH"), mall, id)
                    .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

            assertThat(accepted.get("status")).isEqualTo("REGISTERED");
            assertThat(((Map<?, ?>) accepted.get("owner")).get("id")).isEqualTo("front-desk-" + mall);
            assertThat(accepted.get("acceptedAt")).isNotNull();
            assertThat(acceptances(mall)).isEqualTo(acceptedBefore + 1);
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.request.registered.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"acceptedAt\"").contains("\"priority\":\"HIGH\"")
                            .contains("13700001111")));

            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept", Map.of(), mall, id)
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("request-illegal-transition");
        }
    }

    @Test
    void aMissedAcceptanceLimitIsPublishedAndCountedOnTimeWithNobodyLooking() {
        String mall = newMall();
        setAcceptanceLimit(mall, "PT1S");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                    Map.of("description", "QQ留言:會員積分查詢"), mall, "QQ")
                    .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.request.acceptance-overdue.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"channel\":\"QQ\"").contains("\"acceptanceDueAt\"")));
            await().atMost(shortly()).untilAsserted(() -> assertThat(breaches(mall)).isEqualTo(1.0));
            var overdue = request(mall, id);
            assertThat(((Map<?, ?>) overdue.get("deadlines")).get("acceptanceOverdue")).isEqualTo(true);
            assertThat((List<?>) overdue.get("timeline")).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("type"))
                    .isEqualTo("ACCEPTANCE_OVERDUE"));

            // Accepting late still works; the breach stays on record and is not counted twice.
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept", Map.of(), mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REGISTERED");
            assertThat(breaches(mall)).isEqualTo(1.0);
        }
    }

    @Test
    void aMessageAcceptedInTimeRaisesNoBreach() {
        String mall = newMall();
        setAcceptanceLimit(mall, "PT2S");
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                    Map.of("description", "郵件:發票開具"), mall, "EMAIL")
                    .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept", Map.of(), mall, id)
                    .expectStatus().isOk();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.request.acceptance-overdue.v1")).isEmpty());
            assertThat(breaches(mall)).isZero();
        }
    }

    @Test
    void onlyOnlineChannelsDeliverMessages() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                Map.of("description", "?"), mall, "PHONE")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("channel-not-online");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                Map.of("description", ""), mall, "WECHAT")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("description");
    }

    @Test
    void acceptingAsAnAnswerOnTheSpotClosesTheMessage() {
        String mall = newMall();
        String id = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                Map.of("description", "網上平臺:今天營業到幾點?"), mall, "ONLINE")
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");

        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept",
                Map.of("answeredOnSpot", true, "answer", "22:00"), mall, id)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.answer").isEqualTo("22:00");
    }

    @Test
    @DisplayName("seed 001 §二.3 in the desk's hours: a message sent while the desk is closed is due the limit after it opens")
    void aMessageSentWhileTheDeskIsClosedIsDueTheLimitAfterTheDeskOpens() {
        String mall = newMall();
        // A desk that opens in three hours and works one hour a day: closed now, whenever the test runs.
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalTime opens = LocalTime.now(zone).plusHours(3).withSecond(0).withNano(0);
        Map<String, Object> shift = Map.of("open", opens.toString(), "close", opens.plusHours(1).toString());
        Map<String, Object> week = new java.util.HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name(), shift);
        }
        web.put().uri("/api/v1/malls/{mall}/settings", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT30M", "timeZone", zone.getId(),
                        "deskHours", Map.of("hours", week)))
                .exchange().expectStatus().isOk();
        Instant sent = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        WorkingCalendar desk = WorkingCalendar.daily(zone, opens, opens.plusHours(1));

        var message = post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                Map.of("description", "微信:停車場今晚開到幾點?", "receivedAt", sent.toString()), mall, "WECHAT")
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();

        var deadlines = (Map<?, ?>) message.get("deadlines");
        Instant startsAt = Instant.parse((String) deadlines.get("acceptanceStartsAt"));
        Instant dueAt = Instant.parse((String) deadlines.get("acceptanceDueAt"));
        assertThat(startsAt).isEqualTo(desk.nextOpening(sent)).isAfter(sent.plus(Duration.ofHours(2)));
        assertThat(dueAt).isEqualTo(startsAt.plus(Duration.ofMinutes(5)));
        assertThat(((Map<?, ?>) request(mall, (String) message.get("id")).get("deadlines")).get("acceptanceDueAt"))
                .isEqualTo(deadlines.get("acceptanceDueAt"));
    }

    /** Around the clock, so the limit counts from the message's arrival whenever the test runs (seed 001 §二.1). */
    private void setAcceptanceLimit(String mall, String limit) {
        web.put().uri("/api/v1/malls/{mall}/settings", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .bodyValue(Map.of("acceptanceLimit", limit, "duplicateWindow", "PT30M", "timeZone", "Asia/Shanghai",
                        "siteKind", "CAMPUS"))
                .exchange().expectStatus().isOk();
    }

    private double breaches(String mall) {
        var counter = meters.find("msd.intake.acceptance.breaches").tag("mall", mall).counter();
        return counter == null ? 0 : counter.count();
    }

    private double acceptances(String mall) {
        var timer = meters.find("msd.intake.acceptance.time").tag("mall", mall).timer();
        return timer == null ? 0 : timer.count();
    }
}
