package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.dispatch.mall.StoredCalendar;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department that receives work orders (受理部門 / 班組), with its working calendar, its head and the people
 * escalations reach (seed 000 §3.1, §4.7). Stored with plain strings so the document reads the same in any tool.
 *
 * @param calendar null when the department works the mall's desk hours (it has no calendar of its own)
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
}
