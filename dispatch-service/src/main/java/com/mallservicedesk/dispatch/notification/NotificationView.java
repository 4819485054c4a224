package com.mallservicedesk.dispatch.notification;

import java.time.Instant;

/** A department notification as the API shows it. */
record NotificationView(String id, String mallId, String subjectType, String subjectId, String requestNumber,
                        String department, String reason, String summary, Instant sentAt, Instant dueAt,
                        boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy, boolean overdue) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.getId(), n.getMallId(), n.getSubjectType().name(), n.getSubjectId(),
                n.getRequestNumber(), n.getDepartment(), n.getReason().name(), n.getSummary(), n.getSentAt(), n.getDueAt(),
                n.isAcknowledged(), n.getAcknowledgedAt(), n.getAcknowledgedBy(), n.isOverdue());
    }
}
