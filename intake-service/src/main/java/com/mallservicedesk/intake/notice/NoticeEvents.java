package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;
import java.util.List;

/** Notices on {@code intake.notices.v1}: departments prepare for the outage (seed 000 §4.10). */
public final class NoticeEvents {

    public static final String TOPIC = "intake.notices.v1";
    public static final EventType PUBLISHED = new EventType("mall.intake.notice.published.v1", TOPIC);

    private NoticeEvents() {
    }

    /** @param departments the departments that must be told (seed 000 §4.10); dispatch notifies each of them */
    public record Published(String noticeId, NoticeKind kind, List<String> floors, List<String> zones, Instant startsAt,
                            Instant endsAt, String message, int recipients, String publishedBy, List<String> departments)
            implements DomainEvent {
        @Override
        public EventType eventType() {
            return PUBLISHED;
        }
    }
}
