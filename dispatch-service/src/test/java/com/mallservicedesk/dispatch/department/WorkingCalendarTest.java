package com.mallservicedesk.dispatch.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The front desk: 10:00–22:00 Monday to Friday, closed at the weekend. */
    private static WorkingCalendar frontDesk() {
        Map<DayOfWeek, WorkingCalendar.OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            hours.put(day, new WorkingCalendar.OpeningHours(LocalTime.of(10, 0), LocalTime.of(22, 0)));
        }
        return new WorkingCalendar(SHANGHAI, false, hours);
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void aDeadlineThatCrossesClosingTimeContinuesWhenTheDepartmentOpensAgain() {
        // Tuesday 21:50 + 30 working minutes: 10 minutes today, 20 minutes on Wednesday from 10:00.
        assertThat(frontDesk().addWorkingTime(at("2026-11-24T21:50"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-25T10:20"));
    }

    @Test
    void timeBeforeOpeningStartsCountingAtOpening() {
        assertThat(frontDesk().addWorkingTime(at("2026-11-24T07:00"), Duration.ofMinutes(15)))
                .isEqualTo(at("2026-11-24T10:15"));
    }

    @Test
    void theWeekendIsSkipped() {
        // Friday 21:00 + 2 working hours: 1 hour on Friday, 1 hour on Monday.
        assertThat(frontDesk().addWorkingTime(at("2026-11-27T21:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-30T11:00"));
        assertThat(frontDesk().endOfWorkingDay(at("2026-11-28T12:00"))).isEqualTo(at("2026-11-30T22:00"));
    }

    @Test
    void theSameDayEndsAtClosingTimeOrAtTheNextClosingAfterHours() {
        assertThat(frontDesk().endOfWorkingDay(at("2026-11-24T15:00"))).isEqualTo(at("2026-11-24T22:00"));
        assertThat(frontDesk().endOfWorkingDay(at("2026-11-24T22:30"))).isEqualTo(at("2026-11-25T22:00"));
    }

    @Test
    void workingDaysCountOnlyOpenDaysAfterTheStartDay() {
        // Thursday + 3 working days: Friday, Monday, Tuesday; due at Tuesday's closing.
        assertThat(frontDesk().addWorkingDays(at("2026-11-26T11:00"), 3)).isEqualTo(at("2026-12-01T22:00"));
    }

    @Test
    void aroundTheClockCountsElapsedTimeAndEndsTheDayAtMidnight() {
        var security = WorkingCalendar.aroundTheClock(SHANGHAI);
        assertThat(security.addWorkingTime(at("2026-11-28T23:50"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-29T00:20"));
        assertThat(security.endOfWorkingDay(at("2026-11-28T23:50"))).isEqualTo(at("2026-11-29T00:00"));
        assertThat(security.addWorkingDays(at("2026-11-28T09:00"), 2)).isEqualTo(at("2026-12-01T00:00"));
        assertThat(security.isOpen(at("2026-11-29T03:00"))).isTrue();
    }

    @Test
    void midnightAsClosingTimeMeansTheEndOfTheDay() {
        var late = new WorkingCalendar(SHANGHAI, false,
                Map.of(DayOfWeek.SATURDAY, new WorkingCalendar.OpeningHours(LocalTime.of(18, 0), LocalTime.MIDNIGHT)));
        assertThat(late.endOfWorkingDay(at("2026-11-28T19:00"))).isEqualTo(at("2026-11-29T00:00"));
        assertThat(late.addWorkingTime(at("2026-11-28T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-12-05T19:00"));
        assertThat(late.isOpen(at("2026-11-28T23:59"))).isTrue();
        assertThat(late.isOpen(at("2026-11-29T00:30"))).isFalse();
    }
}
