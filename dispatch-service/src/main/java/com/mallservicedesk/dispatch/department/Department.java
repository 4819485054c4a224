package com.mallservicedesk.dispatch.department;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department that receives work orders (受理部門 / 班組), with its working calendar, its head and the people
 * escalations reach (seed 000 §3.1, §4.7). Stored with plain strings so the document reads the same in any tool.
 */
@Document("departments")
record Department(@Id String id, @Indexed String mallId, String code, String name, StoredCalendar calendar,
                  Contact head, List<Contact> escalationContacts, Instant updatedAt, String updatedBy) {

    static String idFor(String mallId, String code) {
        return mallId + ":" + code;
    }

    /** Who is told when a work order climbs the escalation chain; the phone is staff contact data, never logged. */
    record Contact(String role, String name, String phone) {
    }

    /** A weekday's hours as {@code HH:mm} strings. */
    record DayHours(DayOfWeek day, String open, String close) {
    }

    record StoredCalendar(String zone, boolean alwaysOpen, List<DayHours> hours) {

        static StoredCalendar of(WorkingCalendar calendar) {
            return new StoredCalendar(calendar.zone().getId(), calendar.alwaysOpen(), calendar.hours().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new DayHours(e.getKey(), e.getValue().open().toString(), e.getValue().close().toString()))
                    .toList());
        }

        /** A stored calendar as it can be used, and what had to be repaired to use it. */
        record Read(WorkingCalendar calendar, List<String> repairs) {
        }

        /**
         * Reads the stored calendar. One stored before the checks existed may lack a zone, name an unknown one, or
         * have hours that cannot be read or make no sense; each is repaired rather than failing every order of the
         * department: no zone or an unknown one is the dispatch default zone, a day with bad hours is dropped, and a
         * calendar left without working time works around the clock (as an unconfigured department does).
         */
        Read read(ZoneId fallbackZone) {
            List<String> repairs = new ArrayList<>();
            ZoneId zoneId = fallbackZone;
            try {
                if (zone != null && !zone.isBlank()) {
                    zoneId = ZoneId.of(zone);
                } else {
                    repairs.add("zone");
                }
            } catch (DateTimeException e) {
                repairs.add("zone");
            }
            if (alwaysOpen) {
                return new Read(WorkingCalendar.aroundTheClock(zoneId), repairs);
            }
            Map<DayOfWeek, WorkingCalendar.OpeningHours> byDay = new EnumMap<>(DayOfWeek.class);
            if (hours != null) {
                for (DayHours h : hours) {
                    var opening = h == null || h.day() == null ? null : parse(h);
                    if (opening == null || !opening.valid()) {
                        repairs.add("hours." + (h == null ? null : h.day()));
                    } else {
                        byDay.put(h.day(), opening);
                    }
                }
            }
            if (byDay.isEmpty()) {
                repairs.add("no-working-time");
                return new Read(WorkingCalendar.aroundTheClock(zoneId), repairs);
            }
            return new Read(new WorkingCalendar(zoneId, false, byDay), repairs);
        }

        private static WorkingCalendar.OpeningHours parse(DayHours h) {
            if (h.open() == null || h.close() == null) {
                return null;
            }
            try {
                return new WorkingCalendar.OpeningHours(LocalTime.parse(h.open()), LocalTime.parse(h.close()));
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
