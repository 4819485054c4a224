package com.mallservicedesk.dispatch.mall;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A working calendar as dispatch stores it (a mall's desk hours, a department's own hours): plain strings, so the
 * document reads the same in any tool and a value stored by an older release, or sent by a producer in a shape the
 * kit would refuse, is repaired when read instead of failing every order of the mall. Documents stored before holidays
 * and make-up days existed lack both fields and read as a calendar without them.
 *
 * @param hours      weekly shifts; a close at or before the open runs past midnight
 * @param holidays   public holidays (ISO dates): closed
 * @param makeUpDays make-up working days (調休, ISO dates) with their shift, whatever the weekday
 */
public record StoredCalendar(String zone, boolean alwaysOpen, List<DayHours> hours, List<String> holidays,
                             List<DateHours> makeUpDays) {

    /** A weekday's shift as {@code HH:mm} strings. */
    public record DayHours(DayOfWeek day, String open, String close) {
    }

    /** A make-up day's shift. */
    public record DateHours(String date, String open, String close) {
    }

    public static StoredCalendar of(WorkingCalendar calendar) {
        return new StoredCalendar(calendar.zone() == null ? null : calendar.zone().getId(), calendar.alwaysOpen(),
                calendar.hours().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new DayHours(e.getKey(), e.getValue().open().toString(), e.getValue().close().toString()))
                        .toList(),
                calendar.holidays().stream().sorted().map(LocalDate::toString).toList(),
                calendar.makeUpDays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new DateHours(e.getKey().toString(), e.getValue().open().toString(),
                                e.getValue().close().toString()))
                        .toList());
    }

    /** A stored calendar as it can be used, and what had to be repaired to use it. */
    public record Read(WorkingCalendar calendar, List<String> repairs) {
    }

    /**
     * Reads the calendar in {@code zoneOfTheMall}: one time zone per mall decides every clock and day boundary, so a
     * different or unreadable stored zone is a repair. A shift that cannot be read or makes no sense, an unreadable
     * holiday or make-up day is dropped; a calendar left without working time (or beyond the kit's bounds) becomes
     * {@code fallback}.
     */
    public Read read(ZoneId zoneOfTheMall, WorkingCalendar fallback) {
        List<String> repairs = new ArrayList<>();
        if (zone != null && !zone.isBlank() && !sameZone(zone, zoneOfTheMall)) {
            repairs.add("zone");
        }
        if (alwaysOpen) {
            return new Read(WorkingCalendar.aroundTheClock(zoneOfTheMall), repairs);
        }
        Map<DayOfWeek, WorkingCalendar.OpeningHours> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayHours h : hours == null ? List.<DayHours>of() : hours) {
            var shift = h == null || h.day() == null ? null : shift(h.open(), h.close());
            if (shift == null) {
                repairs.add("hours." + (h == null ? null : h.day()));
            } else {
                byDay.put(h.day(), shift);
            }
        }
        Set<LocalDate> closed = new LinkedHashSet<>();
        for (String day : holidays == null ? List.<String>of() : holidays) {
            LocalDate date = date(day);
            if (date == null) {
                repairs.add("holidays." + day);
            } else {
                closed.add(date);
            }
        }
        Map<LocalDate, WorkingCalendar.OpeningHours> worked = new LinkedHashMap<>();
        for (DateHours d : makeUpDays == null ? List.<DateHours>of() : makeUpDays) {
            LocalDate date = d == null ? null : date(d.date());
            var shift = date == null ? null : shift(d.open(), d.close());
            if (shift == null) {
                repairs.add("makeUpDays." + (d == null ? null : d.date()));
            } else {
                worked.put(date, shift);
            }
        }
        var calendar = new WorkingCalendar(zoneOfTheMall, false, byDay, closed, worked);
        if (!calendar.problems("calendar").isEmpty()) {
            repairs.add("no-working-time");
            return new Read(fallback.withZone(zoneOfTheMall), repairs);
        }
        return new Read(calendar, repairs);
    }

    private static boolean sameZone(String stored, ZoneId zone) {
        try {
            return ZoneId.of(stored).normalized().equals(zone.normalized());
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static WorkingCalendar.OpeningHours shift(String open, String close) {
        if (open == null || close == null) {
            return null;
        }
        try {
            var shift = new WorkingCalendar.OpeningHours(LocalTime.parse(open), LocalTime.parse(close));
            return shift.valid() ? shift : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
