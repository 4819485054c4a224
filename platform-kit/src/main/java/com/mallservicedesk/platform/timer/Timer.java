package com.mallservicedesk.platform.timer;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A deadline stored in MongoDB, so it survives restarts and fires on whichever instance claims it first. Only
 * timers still to fire are stored: a fired or cancelled timer is deleted, so the collection stays as small as the
 * deadlines still ahead.
 *
 * @param id          chosen by the caller (for example {@code sla:<workOrderId>:1.0:CONTACT}), so scheduling is idempotent
 * @param kind        selects the {@link TimerHandler}
 * @param subject     the aggregate the deadline belongs to
 * @param data        whatever the handler needs besides the subject
 * @param lockedUntil while an instance is firing it; a crashed instance's claim lapses and another retries
 */
@Document(Timer.COLLECTION)
public record Timer(@Id String id, String mallId, String kind, String subject, Instant dueAt,
                    Map<String, String> data, int attempts, Instant lockedUntil, String lockedBy) {

    public static final String COLLECTION = "timers";

    public String data(String key) {
        return data == null ? null : data.get(key);
    }
}
