package com.mallservicedesk.dispatch.department;

import java.time.Instant;
import java.util.List;

/**
 * A department as the API shows it. The head's and escalation contacts' phones are the staff's own work numbers,
 * published so that an escalation reaches them; customers' numbers are never part of a department.
 */
public record DepartmentView(String code, String name, WorkingCalendar calendar, Department.Contact head,
                             List<Department.Contact> escalationContacts, Instant updatedAt, String updatedBy) {

    static DepartmentView of(Department d, WorkingCalendar calendar) {
        return new DepartmentView(d.code(), d.name(), calendar, d.head(),
                d.escalationContacts() == null ? List.of() : d.escalationContacts(), d.updatedAt(), d.updatedBy());
    }
}
