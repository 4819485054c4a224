package com.mallservicedesk.intake.complaint;

import java.time.Instant;

/**
 * One running or finished clock of a register.
 *
 * @param dueAt    when the step must be done
 * @param doneAt   when it was done; null while it runs
 * @param missedAt when the timer found it not done in time; null if it never was
 */
public record ClockState(Instant dueAt, Instant doneAt, Instant missedAt) {

    static ClockState due(Instant dueAt) {
        return new ClockState(dueAt, null, null);
    }

    ClockState done(Instant at) {
        return new ClockState(dueAt, at, missedAt);
    }

    ClockState missed(Instant at) {
        return new ClockState(dueAt, doneAt, at);
    }

    boolean running() {
        return doneAt == null;
    }

    /** Done by the due time and never marked missed. */
    boolean met() {
        return missedAt == null && doneAt != null && !doneAt.isAfter(dueAt);
    }
}
