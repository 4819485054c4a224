package com.mallservicedesk.intake.settings;

import static com.mallservicedesk.intake.settings.ASettingsChange.DEFAULTS;
import static com.mallservicedesk.intake.settings.ASettingsChange.aChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.intake.settings.SettingsEvents.MallSettingsChanged;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A mall's settings as an aggregate: revisions, defaults per site kind, the desk hours' zone. */
class MallIntakeSettingsTest {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    @DisplayName("seed 000 §3.1.1: a mall's first settings have revision 1 and the 12-hour desk, published (C1)")
    void theFirstChangeIsRevisionOneWithTheMallDesk() {
        var created = MallIntakeSettings.first("M001", aChange().build(), DEFAULTS, T0, "sam");

        assertThat(created.events()).singleElement().isInstanceOfSatisfying(MallSettingsChanged.class, changed -> {
            assertThat(changed.mallId()).isEqualTo("M001");
            assertThat(changed.revision()).isEqualTo(1);
            assertThat(changed.timeZone()).isEqualTo("Asia/Shanghai");
            assertThat(changed.siteKind()).isEqualTo(SiteKind.MALL);
            assertThat(changed.deskHours().calendar())
                    .isEqualTo(WorkingCalendar.mallDeskHours(ZoneId.of("Asia/Shanghai")));
            assertThat(changed.deskHours().hours().get("MONDAY").open()).isEqualTo("09:00");
            assertThat(changed.changedAt()).isEqualTo(T0);
        });
        var view = created.aggregate().view(DEFAULTS);
        assertThat(view.complaintHandoverLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(view.complaintInvestigationDays()).isEqualTo(3);
        assertThat(view.complaintFeedbackDays()).isEqualTo(5);
        assertThat(view.consultationReplyDays()).isEqualTo(1);
        assertThat(view.suggestionEvaluationDays()).isEqualTo(5);
    }

    @Test
    @DisplayName("C1: every change raises the revision by one")
    void everyChangeRaisesTheRevision() {
        var settings = MallIntakeSettings.first("M001", aChange().build(), DEFAULTS, T0, "sam").aggregate();

        var second = settings.change(aChange().build(), DEFAULTS, T0.plusSeconds(60), "sam");
        var third = settings.change(aChange().build(), DEFAULTS, T0.plusSeconds(120), "sam");

        assertThat(second).singleElement().extracting(e -> ((MallSettingsChanged) e).revision()).isEqualTo(2L);
        assertThat(third).singleElement().extracting(e -> ((MallSettingsChanged) e).revision()).isEqualTo(3L);
        assertThat(settings.view(DEFAULTS).revision()).isEqualTo(3);
    }

    @Test
    @DisplayName("seed 001 §二.1: a campus desk is on duty around the clock unless it sets hours")
    void aCampusDefaultsToAroundTheClock() {
        var settings = MallIntakeSettings.first("C001", aChange().forA(SiteKind.CAMPUS).build(), DEFAULTS, T0, "sam")
                .aggregate();

        assertThat(settings.view(DEFAULTS).deskHours().alwaysOpen()).isTrue();
    }

    @Test
    @DisplayName("seed 000 §3.1.1: desk hours are always in the mall's time zone, and kept when a change leaves them out")
    void deskHoursFollowTheMallsZoneAndAreKept() {
        var own = WorkingCalendar.daily(ZoneId.of("UTC"), LocalTime.of(10, 0), LocalTime.of(22, 0));
        var settings = MallIntakeSettings.first("M001", aChange().withDeskHours(own).build(), DEFAULTS, T0, "sam")
                .aggregate();
        assertThat(settings.view(DEFAULTS).deskHours().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));

        settings.change(aChange().in("Asia/Taipei").build(), DEFAULTS, T0.plusSeconds(60), "sam");

        var hours = settings.view(DEFAULTS).deskHours();
        assertThat(hours.zone()).isEqualTo(ZoneId.of("Asia/Taipei"));
        assertThat(hours.withZone(ZoneId.of("UTC"))).isEqualTo(own);
    }

    @Test
    @DisplayName("seed 001 §二.1: a mall that becomes a campus without hours of its own goes on 24-hour duty")
    void aNewSiteKindWithoutHoursTakesItsDefault() {
        var own = WorkingCalendar.daily(ZoneId.of("Asia/Shanghai"), LocalTime.of(10, 0), LocalTime.of(22, 0));
        var settings = MallIntakeSettings.first("M001", aChange().withDeskHours(own).build(), DEFAULTS, T0, "sam")
                .aggregate();

        settings.change(aChange().forA(SiteKind.CAMPUS).build(), DEFAULTS, T0.plusSeconds(60), "sam");

        assertThat(settings.view(DEFAULTS).deskHours().alwaysOpen()).isTrue();
    }

    @Test
    @DisplayName("seed 003 §2: the register's limits are kept when a change leaves them out")
    void theRegistersLimitsAreKept() {
        var settings = MallIntakeSettings.first("M001",
                aChange().handingOverWithin(Duration.ofMinutes(15)).investigatingWithin(2).build(), DEFAULTS, T0, "sam")
                .aggregate();

        settings.change(aChange().build(), DEFAULTS, T0.plusSeconds(60), "sam");

        assertThat(settings.view(DEFAULTS).complaintHandoverLimit()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.view(DEFAULTS).complaintInvestigationDays()).isEqualTo(2);
    }

    @Test
    @DisplayName("seed 000 §3.1.1: stored desk hours read back as they were (holidays and make-up days included)")
    void storedDeskHoursRoundTrip() {
        var zone = ZoneId.of("Asia/Shanghai");
        var hours = new WorkingCalendar(zone, false,
                java.util.Map.of(java.time.DayOfWeek.MONDAY, WorkingCalendar.MALL_DESK_HOURS),
                java.util.Set.of(java.time.LocalDate.parse("2026-10-01")),
                java.util.Map.of(java.time.LocalDate.parse("2026-10-11"),
                        new WorkingCalendar.OpeningHours(LocalTime.of(22, 0), LocalTime.of(6, 0))));

        assertThat(StoredDeskHours.of(hours).in(zone)).isEqualTo(hours);
    }
}
