package com.mallservicedesk.survey.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.ConfigurationChanges;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The mall's time zone from intake's mall settings (contract C1) sets survey's days and survey periods. */
class MallZoneTest extends SurveyIntegrationTest {

    private final String mall = newMall();
    private final SurveyEvents events = events(mall);

    @Autowired
    private MallSettings settings;

    @Autowired
    private ReactiveMongoTemplate mongo;

    private void inUtc() {
        events.mallSettings(1, "UTC");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/report-settings", mall)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectBody().jsonPath("$.zone").isEqualTo("UTC"));
    }

    @Test
    @DisplayName("seed 002 (daily summary), contract C1: a day's figures are the mall's own day in its zone")
    void dailyFiguresCountInTheMallsZone() {
        inUtc();
        // 17:30 UTC on 31 October is 1 November in Shanghai, still 31 October in this mall.
        events.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/reports/daily?date=2026-10-31", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.repairs.received").isEqualTo(1));
        web.get().uri("/api/v1/malls/{mall}/reports/daily?date=2026-11-01", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.repairs.received").isEqualTo(0);
    }

    @Test
    @DisplayName("seed 000 §顧客滿意度調查規程 4.1, contract C1: a half-year survey period runs from midnight to midnight in the mall's zone")
    void surveyPeriodsRunInTheMallsZone() {
        inUtc();
        web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("period", "2026-H2", "sampleSize", 0))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.closesAt").isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("contract C1: a zone change takes effect for the next request counted on the instance that stored it, even right after a read of the old zone")
    void aZoneChangeCountsAtOnceAfterTheOldZoneWasRead() {
        // Counted in the default zone (Shanghai): 1 November there. The zone read is now kept.
        events.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z");
        await().untilAsserted(() -> daily("2026-11-01").jsonPath("$.repairs.received").isEqualTo(1));

        inUtc();
        // Still 31 October in UTC: counted in the zone just stored, not in the one kept a moment ago.
        events.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z");
        await().untilAsserted(() -> daily("2026-10-31").jsonPath("$.repairs.received").isEqualTo(1));
        daily("2026-11-01").jsonPath("$.repairs.received").isEqualTo(1);
    }

    @Test
    @DisplayName("contract C1: the zone read for every event is kept until it changes; a change stored by another instance is seen within about a second, one stored here at once")
    void theZoneIsKeptUntilAnyInstanceStoresAChange() {
        assertThat(settings.zoneOf(mall).block()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        // Stored without telling anyone: this instance keeps what it read (no store round trip per event) ...
        mongo.insert(new MallZone(mall, 1, "UTC", "MALL", Instant.now(), Instant.now())).block();
        assertThat(settings.zoneOf(mall).block()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        // ... until another instance, having stored it, tells every instance that it changed.
        var anotherInstance = new ConfigurationChanges(mongo, Clock.systemUTC(), Duration.ofSeconds(1), 200);
        anotherInstance.cache("mall-zones", Duration.ofMinutes(10)).changed(mall).block();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(settings.zoneOf(mall).block()).isEqualTo(ZoneId.of("UTC")));

        // A newer revision stored by this instance is seen by the very next read.
        var event = new IncomingEvent(UUID.randomUUID().toString(), "mall.intake.mall-settings.changed.v1", "/test", mall,
                mall, mall, Instant.now(), "intake.malls.v1", "{}");
        settings.apply(event, new MallSettingsChanged(mall, 2L, "Asia/Tokyo", "MALL", Instant.now())).block();
        assertThat(settings.zoneOf(mall).block()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    private WebTestClient.BodyContentSpec daily(String date) {
        return web.get().uri("/api/v1/malls/{mall}/reports/daily?date={date}", mall, date)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody();
    }
}
