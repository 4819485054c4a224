package com.mallservicedesk.dispatch.mall;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Dispatch's own trimmed copy of {@code mall.intake.mall-settings.changed.v1} (contract C1). The desk hours are read
 * as plain strings and checked when used, so one odd value cannot make the event a poison.
 */
record MallSettingsChanged(String mallId, Long revision, String timeZone, String siteKind, Calendar deskHours,
                           Instant changedAt) {

    record Shift(String open, String close) {
    }

    record Calendar(String zone, Boolean alwaysOpen, Map<String, Shift> hours, List<String> holidays,
                    Map<String, Shift> makeUpDays) {

        StoredCalendar stored() {
            List<StoredCalendar.DayHours> days = new java.util.ArrayList<>();
            if (hours != null) {
                hours.forEach((day, shift) -> {
                    java.time.DayOfWeek weekday = weekday(day);
                    if (weekday != null && shift != null) {
                        days.add(new StoredCalendar.DayHours(weekday, shift.open(), shift.close()));
                    }
                });
            }
            List<StoredCalendar.DateHours> worked = new java.util.ArrayList<>();
            if (makeUpDays != null) {
                makeUpDays.forEach((date, shift) -> worked.add(new StoredCalendar.DateHours(date,
                        shift == null ? null : shift.open(), shift == null ? null : shift.close())));
            }
            days.sort(java.util.Comparator.comparing(StoredCalendar.DayHours::day));
            worked.sort(java.util.Comparator.comparing(d -> String.valueOf(d.date())));
            return new StoredCalendar(zone, Boolean.TRUE.equals(alwaysOpen), days,
                    holidays == null ? List.of() : List.copyOf(holidays), worked);
        }

        private static java.time.DayOfWeek weekday(String day) {
            try {
                return java.time.DayOfWeek.valueOf(day);
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return null;
            }
        }
    }
}
