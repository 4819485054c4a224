package com.mallservicedesk.platform.timer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A change to a durable timer that an aggregate's change implies, stored inside the aggregate document in the same
 * write as the change (like its pending events), so a deadline can never be lost between two writes. The outbox
 * relay applies it to the timers and then removes it.
 *
 * @param changeId unique per change, so the relay removes exactly the change it applied
 * @param dueAt    the new deadline; {@code null} cancels the timer
 */
public record PendingTimer(String changeId, String timerId, String kind, String subject, Instant dueAt,
                           Map<String, String> data) {

    public static PendingTimer schedule(String timerId, String kind, String subject, Instant dueAt, Map<String, String> data) {
        return new PendingTimer(UUID.randomUUID().toString(), timerId, kind, subject, dueAt, data == null ? Map.of() : data);
    }

    public static PendingTimer cancel(String timerId) {
        return new PendingTimer(UUID.randomUUID().toString(), timerId, null, null, null, Map.of());
    }

    public boolean cancels() {
        return dueAt == null;
    }
}
