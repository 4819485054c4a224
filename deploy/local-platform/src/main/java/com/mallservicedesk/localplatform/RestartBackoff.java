package com.mallservicedesk.localplatform;

import java.time.Duration;

/**
 * How long to wait before restarting a crashed child: {@code first}, doubled after each crash in a row, at most
 * {@code max}. A child that stayed up for {@code resetAfter} before crashing counts as healthy again: its next restart
 * waits {@code first} again.
 */
record RestartBackoff(Duration first, Duration max, Duration resetAfter) {

    /** 1 s, 2 s, 4 s … 30 s; a minute up resets it. */
    static final RestartBackoff STANDARD = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    /** The delay before the restart after {@code crashesInARow} earlier crashes in a row (0 for the first). */
    Duration delay(int crashesInARow) {
        Duration delay = first;
        for (int i = 0; i < crashesInARow && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
