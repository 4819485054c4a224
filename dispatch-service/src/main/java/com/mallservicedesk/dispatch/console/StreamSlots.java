package com.mallservicedesk.dispatch.console;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts each user's open console streams on this instance. Every stream holds a connection and a poll of the store;
 * a limit per user keeps one browser opening tabs (or one leaked token) from taking what the consoles of every mall
 * share. The count lives in this instance only: behind a load balancer a user gets the limit per instance.
 */
@Component
class StreamSlots {

    private final int perUser;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamSlots(@Value("${dispatch.console.max-streams-per-user:5}") int perUser) {
        this.perUser = perUser;
    }

    /** Takes a place for one more stream of the user, unless all of theirs are taken. */
    boolean tryOpen(String user) {
        boolean[] granted = {false};
        open.compute(user, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perUser) {
                return count;
            }
            granted[0] = true;
            return now + 1;
        });
        return granted[0];
    }

    void close(String user) {
        open.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
    }

    int perUser() {
        return perUser;
    }
}
