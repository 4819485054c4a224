package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.List;

/**
 * A department as the API shows it. The head's and escalation contacts' phones are the staff's own work numbers,
 * published so that an escalation reaches them; customers' numbers are never part of a department. The calendar is
 * the one the department's clocks count in: its own, in the mall's zone, or the mall's desk hours.
 */
public record DepartmentView(String code, String name, WorkingCalendar calendar, CalendarSource calendarSource,
                             Department.Contact head, List<Department.Contact> escalationContacts, Instant updatedAt,
                             String updatedBy) {

    /** Whether the department has hours of its own or works the mall's desk hours. */
    public enum CalendarSource { DEPARTMENT, MALL_DESK_HOURS }

    static DepartmentView of(Department d, WorkingCalendar calendar, CalendarSource source) {
        return new DepartmentView(d.code(), d.name(), calendar, source, d.head(),
                d.escalationContacts() == null ? List.of() : d.escalationContacts(), d.updatedAt(), d.updatedBy());
    }
}
