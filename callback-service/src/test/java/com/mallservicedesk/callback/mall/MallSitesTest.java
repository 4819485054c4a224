package com.mallservicedesk.callback.mall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Intake's mall settings (contract C1) set each mall's zone, kind of site and desk hours for its callbacks. */
class MallSitesTest extends CallbackIntegrationTest {

    private static final ZoneId URUMQI = ZoneId.of("Asia/Urumqi");

    @Autowired
    MallSites sites;

    private final String mall = newMall();

    private void awaitRevision(long revision) {
        await().untilAsserted(() -> assertThat(sites.of(mall).block().revision()).isEqualTo(revision));
    }

    @Test
    @DisplayName("seed 000 §4.4.4, §3.1.1: the next-day callback is due by the close of the desk's next working day in the mall's own zone and hours (C1)")
    void theNextDayCallbackFollowsTheMallsZoneAndDeskHours() {
        mallSettings(mall, 1, "Asia/Urumqi", "MALL", dailyDesk("Asia/Urumqi", "10:00", "20:00"));
        awaitRevision(1);
        policy(mall).jsonPath("$.zone").isEqualTo("Asia/Urumqi").jsonPath("$.siteKind").isEqualTo("MALL")
                .jsonPath("$.settingsRevision").isEqualTo(1).jsonPath("$.desk.hours.FRIDAY.close").isEqualTo("20:00:00");

        String requestId = UUID.randomUUID().toString();
        Instant completedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        completeWork(mall, requestId, "REPAIR", 1, completedAt);
        var callback = awaitCallback(mall, callbackIdFor(requestId, 1));
        LocalDate nextDay = completedAt.atZone(URUMQI).toLocalDate().plusDays(1);
        assertThat(callback)
                .containsEntry("callableFrom", nextDay.atTime(10, 0).atZone(URUMQI).toInstant().toString())
                .containsEntry("dueAt", nextDay.atTime(20, 0).atZone(URUMQI).toInstant().toString());
    }

    @Test
    @DisplayName("seed 001 §二.5, §二.1: a CAMPUS site is called back within 24 h of completion, on 24-hour duty (C1 defaults)")
    void aCampusCallsBackWithin24Hours() {
        mallSettings(mall, 1, "Asia/Shanghai", "CAMPUS", null);
        awaitRevision(1);
        policy(mall).jsonPath("$.timing").isEqualTo("WITHIN_24H").jsonPath("$.desk.alwaysOpen").isEqualTo(true)
                .jsonPath("$.targets.callbackRate").isEqualTo(1.0);

        String requestId = UUID.randomUUID().toString();
        Instant completedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        completeWork(mall, requestId, "REPAIR", 1, completedAt);
        assertThat(awaitCallback(mall, callbackIdFor(requestId, 1))).containsEntry("status", "DUE")
                .containsEntry("callableFrom", completedAt.toString())
                .containsEntry("dueAt", completedAt.plus(Duration.ofHours(24)).toString());
    }

    @Test
    @DisplayName("contract C1: an older revision arriving late, and a replayed event, leave the newer copy as it is")
    void olderRevisionsAndReplaysChangeNothing() {
        mallSettings(mall, 3, "Asia/Urumqi", "MALL", null);
        awaitRevision(3);
        PendingEvent older = mallSettings(mall, 2, "Europe/Berlin", "CAMPUS", null);
        TestEvents.resend(kafka, older);
        // A later, newer event shows the older ones were handled (one partition, in order) and ignored.
        mallSettings(mall, 4, "Asia/Urumqi", "MALL", dailyDesk("Asia/Urumqi", "08:00", "20:00"));
        awaitRevision(4);
        Site site = sites.of(mall).block();
        assertThat(site.zone()).isEqualTo(URUMQI);
        assertThat(site.siteKind()).isEqualTo(SiteKind.MALL);
        assertThat(site.desk().isOpen(LocalDate.of(2026, 11, 25).atTime(8, 30).atZone(URUMQI).toInstant())).isTrue();
        PendingEvent stale = mallSettings(mall, 1, "Europe/Berlin", "CAMPUS", null);
        TestEvents.resend(kafka, stale);
        mallSettings(mall, 5, "Asia/Urumqi", "MALL", dailyDesk("Asia/Urumqi", "08:00", "20:00"));
        awaitRevision(5);
        assertThat(sites.of(mall).block().zone()).isEqualTo(URUMQI);
    }

    @Test
    @DisplayName("contract C1: a mall intake has not told about yet is a mall in the configured zone with the 09:00–21:00 desk (seed 000 §3.1.1)")
    void aMallWithoutSettingsHasTheDefaults() {
        Site site = sites.of(newMall()).block();
        assertThat(site.revision()).isZero();
        assertThat(site.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(site.siteKind()).isEqualTo(SiteKind.MALL);
        assertThat(site.desk().isOpen(LocalDate.of(2026, 11, 25).atTime(8, 30).atZone(SHANGHAI).toInstant())).isFalse();
        assertThat(site.desk().isOpen(LocalDate.of(2026, 11, 25).atTime(9, 0).atZone(SHANGHAI).toInstant())).isTrue();
    }
}
