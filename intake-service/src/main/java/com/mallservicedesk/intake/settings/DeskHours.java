package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.calendar.WorkingCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The desk hours in the body of {@code PUT …/settings}: a working calendar without its zone, which is always the
 * mall's {@code timeZone} (a {@code zone} sent along is ignored). Shifts as {@code {"open":"09:00","close":"21:00"}};
 * a close at or before the open runs past midnight.
 *
 * @param alwaysOpen around the clock, as a campus service centre on 24-hour duty (seed 001 §二.1)
 * @param hours      the shift starting on each weekday; a weekday left out is a closed day
 * @param holidays   dates without a shift (at most 400)
 * @param makeUpDays dates worked with the given shift whatever their weekday, 调休 (at most 100)
 */
public record DeskHours(Boolean alwaysOpen, Map<DayOfWeek, OpeningHours> hours, Set<LocalDate> holidays,
                        Map<LocalDate, OpeningHours> makeUpDays) {

    /** The calendar in the mall's zone; a missing shift is kept as one without times, which its check reports. */
    WorkingCalendar in(ZoneId zone) {
        return new WorkingCalendar(zone, Boolean.TRUE.equals(alwaysOpen), withoutNulls(hours),
                holidays == null ? Set.of() : Set.copyOf(holidays.stream().filter(d -> d != null).toList()),
                withoutNulls(makeUpDays));
    }

    private static <K> Map<K, OpeningHours> withoutNulls(Map<K, OpeningHours> shifts) {
        Map<K, OpeningHours> copy = new HashMap<>();
        if (shifts != null) {
            shifts.forEach((key, shift) -> {
                if (key != null) {
                    copy.put(key, shift == null ? new OpeningHours(null, null) : shift);
                }
            });
        }
        return copy;
    }
}
