package com.mallservicedesk.dispatch.department;

/** A person of a department an escalation reaches: its head, or one of its own escalation contacts. */
public record DepartmentContact(String role, String name, String phone) {
}
