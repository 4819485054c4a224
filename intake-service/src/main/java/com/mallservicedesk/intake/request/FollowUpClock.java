package com.mallservicedesk.intake.request;

import java.time.Instant;

/**
 * A follow-up the front desk owes after registration, counted in the desk's working days: the reply to a
 * consultation not answered on the spot (seed 003 客戶咨詢受理流程) or the evaluation of a suggestion (seed 003 §3).
 *
 * @param dueAt    the close of the last working day allowed
 * @param doneAt   when it was done; null while it runs
 * @param missedAt when its timer found it not done; null if it never was
 */
public record FollowUpClock(Instant dueAt, Instant doneAt, Instant missedAt) {

    /** Which follow-up: the timer's {@code clock} and the metric's tag. */
    public enum Kind {
        CONSULTATION_REPLY, SUGGESTION_EVALUATION
    }

    static FollowUpClock due(Instant dueAt) {
        return new FollowUpClock(dueAt, null, null);
    }

    FollowUpClock done(Instant at) {
        return new FollowUpClock(dueAt, at, missedAt);
    }

    FollowUpClock missed(Instant at) {
        return new FollowUpClock(dueAt, doneAt, at);
    }

    boolean running() {
        return doneAt == null;
    }

    static String timerId(String requestId, Kind kind) {
        return "follow-up:" + requestId + ":" + kind.name();
    }
}
