package com.mallservicedesk.dispatch.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How dispatch stores and reads calendars (a mall's desk hours, a department's own hours). The calendar arithmetic
 * itself is the kit's and tested there; here: what survives a round trip, how old documents load, and that every
 * calendar of a mall counts in the mall's one zone.
 */
class StoredCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar DESK = WorkingCalendar.mallDeskHours(SHANGHAI);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** Security's night shift 22:00–06:00 on weekdays, closed on National Day, working the Saturday make-up day. */
    private static WorkingCalendar nightShift() {
        Map<DayOfWeek, WorkingCalendar.OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, new WorkingCalendar.OpeningHours(LocalTime.of(22, 0), LocalTime.of(6, 0)));
        }
        return new WorkingCalendar(SHANGHAI, false, week, Set.of(LocalDate.parse("2026-10-01")),
                Map.of(LocalDate.parse("2026-10-10"), new WorkingCalendar.OpeningHours(LocalTime.of(9, 0), LocalTime.of(18, 0))));
    }

    @Test
    @DisplayName("holidays, make-up days (調休) and shifts past midnight survive storing and reading")
    void holidaysMakeUpDaysAndOvernightShiftsRoundTrip() {
        var read = StoredCalendar.of(nightShift()).read(SHANGHAI, DESK);
        assertThat(read.repairs()).isEmpty();
        assertThat(read.calendar()).isEqualTo(nightShift());
        // Dispatch's use: a contact clock started on Thursday 23:30 counts on in the shift that began at 22:00.
        assertThat(read.calendar().addWorkingTime(at("2026-10-08T23:30"), Duration.ofMinutes(15)))
                .isEqualTo(at("2026-10-08T23:45"));
        // National Day is a holiday: no shift starts on it, so late that evening the next shift is Friday night's.
        assertThat(read.calendar().nextOpening(at("2026-10-01T23:00"))).isEqualTo(at("2026-10-02T22:00"));
    }

    @Test
    @DisplayName("a calendar stored before holidays and make-up days existed still loads")
    void aCalendarStoredBeforeHolidaysLoads() {
        var old = new StoredCalendar("Asia/Shanghai", false,
                List.of(new StoredCalendar.DayHours(DayOfWeek.MONDAY, "10:00", "22:00")), null, null);
        var read = old.read(SHANGHAI, DESK);
        assertThat(read.repairs()).isEmpty();
        assertThat(read.calendar().hours()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(read.calendar().holidays()).isEmpty();
    }

    @Test
    @DisplayName("one time zone per mall: a stored calendar is read in the mall's zone, a different one is a repair")
    void theMallsZoneDecides() {
        var noZone = new StoredCalendar(null, true, List.of(), List.of(), List.of()).read(SHANGHAI, DESK);
        assertThat(noZone.calendar()).isEqualTo(WorkingCalendar.aroundTheClock(SHANGHAI));
        assertThat(noZone.repairs()).isEmpty();
        var elsewhere = new StoredCalendar("Mars/Olympus", false,
                List.of(new StoredCalendar.DayHours(DayOfWeek.MONDAY, "10:00", "22:00")), List.of(), List.of())
                .read(SHANGHAI, DESK);
        assertThat(elsewhere.calendar().zone()).isEqualTo(SHANGHAI);
        assertThat(elsewhere.repairs()).containsExactly("zone");
    }

    @Test
    @DisplayName("seed 000 §3.1.1: a stored calendar left without working time falls back to the mall's desk hours, not 24×7")
    void anUnusableCalendarFallsBackToTheDeskHours() {
        var absurd = new StoredCalendar("Asia/Shanghai", false,
                List.of(new StoredCalendar.DayHours(DayOfWeek.MONDAY, "10:00:00.123456789", "10:00:00.12345679"),
                        new StoredCalendar.DayHours(DayOfWeek.TUESDAY, "25:00", "26:00")),
                List.of("not a date"), List.of(new StoredCalendar.DateHours("2026-10-10", "09:00", "09:10")))
                .read(SHANGHAI, DESK);
        assertThat(absurd.calendar()).isEqualTo(DESK);
        assertThat(absurd.repairs()).contains("hours.MONDAY", "hours.TUESDAY", "holidays.not a date",
                "makeUpDays.2026-10-10", "no-working-time");
        // Whatever was stored, a repaired calendar always reaches a deadline.
        assertThat(absurd.calendar().addWorkingTime(Instant.parse("2026-11-23T02:00:00Z"), Duration.ofDays(1))).isNotNull();
    }
}
