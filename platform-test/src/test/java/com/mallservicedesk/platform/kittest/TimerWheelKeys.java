package com.mallservicedesk.platform.kittest;

import java.time.Instant;

/** The wheel's bucket key for a timer, as the kit computes it (minute of the due time, shard by id hash). */
final class TimerWheelKeys {

    private TimerWheelKeys() {
    }

    static String bucketOf(String timerId, Instant dueAt) {
        return Math.floorDiv(dueAt.getEpochSecond(), 60) + ":" + Math.floorMod(timerId.hashCode(), 8);
    }
}
