package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.calendar.WorkingCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Desk hours as stored in the settings document: plain strings ({@code "MONDAY"}, {@code "09:00"},
 * {@code "2026-10-01"}), so the store needs no converters for times, dates or map keys. The zone is the mall's
 * time zone and is not stored twice.
 */
public record StoredDeskHours(boolean alwaysOpen, Map<String, Shift> hours, List<String> holidays, Map<String, Shift> makeUpDays) {

    public record Shift(String open, String close) {

        static Shift of(OpeningHours hours) {
            return new Shift(hours.open().toString(), hours.close().toString());
        }

        OpeningHours hours() {
            return new OpeningHours(LocalTime.parse(open), LocalTime.parse(close));
        }
    }

    static StoredDeskHours of(WorkingCalendar calendar) {
        return new StoredDeskHours(calendar.alwaysOpen(),
                new TreeMap<>(calendar.hours().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().name(), e -> Shift.of(e.getValue())))),
                calendar.holidays().stream().sorted().map(LocalDate::toString).toList(),
                new TreeMap<>(calendar.makeUpDays().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toString(), e -> Shift.of(e.getValue())))));
    }

    WorkingCalendar in(ZoneId zone) {
        return new WorkingCalendar(zone, alwaysOpen,
                hours == null ? Map.of() : hours.entrySet().stream()
                        .collect(Collectors.toMap(e -> DayOfWeek.valueOf(e.getKey()), e -> e.getValue().hours())),
                holidays == null ? java.util.Set.of()
                        : holidays.stream().map(LocalDate::parse).collect(Collectors.toSet()),
                makeUpDays == null ? Map.of() : makeUpDays.entrySet().stream()
                        .collect(Collectors.toMap(e -> LocalDate.parse(e.getKey()), e -> e.getValue().hours())));
    }
}
