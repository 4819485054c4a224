package com.mallservicedesk.dispatch.department;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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

        WorkingCalendar toCalendar() {
            Map<DayOfWeek, WorkingCalendar.OpeningHours> byDay = new EnumMap<>(DayOfWeek.class);
            if (hours != null) {
                hours.forEach(h -> byDay.put(h.day(),
                        new WorkingCalendar.OpeningHours(LocalTime.parse(h.open()), LocalTime.parse(h.close()))));
            }
            return new WorkingCalendar(ZoneId.of(zone), alwaysOpen, byDay);
        }
    }
}
