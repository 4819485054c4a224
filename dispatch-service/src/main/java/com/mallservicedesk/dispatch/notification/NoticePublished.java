package com.mallservicedesk.dispatch.notification;

import java.time.Instant;
import java.util.List;

/** The notifications' own trimmed copy of {@code mall.intake.notice.published.v1} (contract C3). */
record NoticePublished(String noticeId, String kind, List<String> floors, List<String> zones, Instant startsAt,
                       Instant endsAt, String message, List<String> departments) {
}
