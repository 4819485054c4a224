package com.mallservicedesk.dispatch.department;

import java.time.Instant;
import java.util.List;

/** A department as the API shows it. */
public record DepartmentView(String code, String name, WorkingCalendar calendar, Department.Contact head,
                             List<Department.Contact> escalationContacts, Instant updatedAt, String updatedBy) {

    static DepartmentView of(Department d) {
        return new DepartmentView(d.code(), d.name(), d.calendar().toCalendar(), d.head(),
                d.escalationContacts() == null ? List.of() : d.escalationContacts(), d.updatedAt(), d.updatedBy());
    }
}
