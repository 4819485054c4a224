package com.mallservicedesk.callback.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Wednesday. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void theMallDeskWorksTwelveHoursFromTenToTen() {
        assertThat(DeskHours.MALL.dayLength()).isEqualTo(Duration.ofHours(12));
        assertThat(DeskHours.MALL.openingOf(WEDNESDAY)).isEqualTo(at(WEDNESDAY, 10, 0));
        assertThat(DeskHours.MALL.closingOf(WEDNESDAY)).isEqualTo(at(WEDNESDAY, 22, 0));
        assertThat(DeskHours.MALL.problem()).isNull();
    }

    @Test
    void workingTimeSkipsTheNightAndClosedDays() {
        // 21:00 Wednesday + 3 h of desk time: one hour on Wednesday, two from Thursday's opening.
        assertThat(DeskHours.MALL.addWorkingTime(at(WEDNESDAY, 21, 0), Duration.ofHours(3)))
                .isEqualTo(at(WEDNESDAY.plusDays(1), 12, 0));
        // Before opening, the clock starts at opening.
        assertThat(DeskHours.MALL.addWorkingTime(at(WEDNESDAY, 7, 0), Duration.ofHours(12)))
                .isEqualTo(at(WEDNESDAY, 22, 0));
        var closedThursdays = new DeskHours("Asia/Shanghai", false, "10:00", "22:00", List.of(DayOfWeek.THURSDAY));
        assertThat(closedThursdays.addWorkingTime(at(WEDNESDAY, 21, 0), Duration.ofHours(3)))
                .isEqualTo(at(WEDNESDAY.plusDays(2), 12, 0));
        assertThat(closedThursdays.nextWorkingDay(WEDNESDAY)).isEqualTo(WEDNESDAY.plusDays(2));
    }

    @Test
    void aRoundTheClockDeskCountsElapsedTimeAndMidnightClosesTheDay() {
        assertThat(DeskHours.AROUND_THE_CLOCK.addWorkingTime(at(WEDNESDAY, 21, 0), Duration.ofHours(24)))
                .isEqualTo(at(WEDNESDAY.plusDays(1), 21, 0));
        var lateDesk = new DeskHours("Asia/Shanghai", false, "08:00", "00:00", List.of());
        assertThat(lateDesk.dayLength()).isEqualTo(Duration.ofHours(16));
        assertThat(lateDesk.closingOf(WEDNESDAY)).isEqualTo(at(WEDNESDAY.plusDays(1), 0, 0));
    }

    @Test
    void unusableHoursAreNamed() {
        assertThat(new DeskHours("Mars/Olympus", false, "10:00", "22:00", List.of()).problem()).isEqualTo("zone");
        assertThat(new DeskHours("Asia/Shanghai", false, "22:00", "10:00", List.of()).problem()).isEqualTo("closes");
        assertThat(new DeskHours("Asia/Shanghai", false, null, "10:00", List.of()).problem()).isEqualTo("opens");
        assertThat(new DeskHours("Asia/Shanghai", true, null, null, List.of(DayOfWeek.values())).problem())
                .isEqualTo("closedDays");
    }
}
