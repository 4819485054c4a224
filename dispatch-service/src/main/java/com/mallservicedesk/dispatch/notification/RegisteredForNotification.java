package com.mallservicedesk.dispatch.notification;

import java.util.List;

/**
 * The notifications' own trimmed copy of {@code mall.intake.request.registered.v1} (contract C2): what decides whether
 * departments are told and what they read. No customer contact: a department told of a complaint learns what it is
 * about, the handling department has the customer on its work order.
 */
record RegisteredForNotification(String requestId, String number, String kind, String category, String channel,
                                 String description, Location location, Boolean major,
                                 List<String> relatedDepartments) {

    record Location(String floor, String zone, String unit) {
    }

    boolean complaint() {
        return "COMPLAINT".equals(kind);
    }

    boolean isMajor() {
        return Boolean.TRUE.equals(major);
    }
}
