package com.mallservicedesk.dispatch.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarLimitsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static WorkingCalendar monday(String open, String close) {
        return new WorkingCalendar(SHANGHAI, false,
                Map.of(DayOfWeek.MONDAY, new WorkingCalendar.OpeningHours(LocalTime.parse(open), LocalTime.parse(close))));
    }

    @Test
    void aCalendarIsCheckedDayByDay() {
        assertThat(monday("08:30", "17:30").problems().asList()).isEmpty();
        assertThat(monday("18:00", "00:00").problems().asList()).isEmpty();
        assertThat(monday("17:30", "08:30").problems().asList())
                .containsExactly(Map.of("field", "calendar.hours.MONDAY", "code", "close-before-open"));
        assertThat(monday("08:30", "09:00").problems().asList())
                .containsExactly(Map.of("field", "calendar.hours.MONDAY", "code", "too-short"));
        assertThat(monday("08:30:01", "17:30").problems().asList())
                .containsExactly(Map.of("field", "calendar.hours.MONDAY", "code", "whole-minutes"));
        assertThat(new WorkingCalendar(null, true, Map.of()).problems().asList())
                .containsExactly(Map.of("field", "calendar.zone", "code", "required"));
        assertThat(new WorkingCalendar(SHANGHAI, false, Map.of()).problems().asList())
                .containsExactly(Map.of("field", "calendar.hours", "code", "no-working-time"));
    }

    @Test
    void anOldStoredCalendarIsRepairedInsteadOfBreakingTheArithmetic() {
        ZoneId fallback = ZoneId.of("Asia/Shanghai");
        var noZone = new Department.StoredCalendar(null, true, List.of()).read(fallback);
        assertThat(noZone.calendar()).isEqualTo(WorkingCalendar.aroundTheClock(fallback));
        assertThat(noZone.repairs()).containsExactly("zone");

        var badZone = new Department.StoredCalendar("Mars/Olympus", false,
                List.of(new Department.DayHours(DayOfWeek.MONDAY, "10:00", "22:00"))).read(fallback);
        assertThat(badZone.calendar().zone()).isEqualTo(fallback);
        assertThat(badZone.calendar().hours()).containsKey(DayOfWeek.MONDAY);

        var absurd = new Department.StoredCalendar("UTC", false,
                List.of(new Department.DayHours(DayOfWeek.MONDAY, "10:00:00.123456789", "10:00:00.12345679"),
                        new Department.DayHours(DayOfWeek.TUESDAY, "25:00", "26:00"))).read(fallback);
        assertThat(absurd.calendar()).isEqualTo(WorkingCalendar.aroundTheClock(ZoneId.of("UTC")));
        assertThat(absurd.repairs()).contains("hours.MONDAY", "hours.TUESDAY", "no-working-time");
        // Whatever was stored, a repaired calendar always reaches a deadline.
        assertThat(absurd.calendar().addWorkingTime(Instant.parse("2026-11-23T02:00:00Z"), Duration.ofDays(1))).isNotNull();
    }
}
