package com.mallservicedesk.callback.stats;

/** What the callback statistics count (seed 000 §4.4.6, §4.9: "回訪情況納入回訪率統計範圍"; seed 001 §二.5). */
public enum Count {
    /** Completed work that needed a callback (not exempt, somebody to call). */
    NEEDING,
    /** Callbacks done: the customer was reached and answered, or declined to. */
    DONE,
    /** Done by the callback's due time. */
    ON_TIME,
    /** Done with answers: the base of the satisfaction rate. */
    ANSWERED,
    SATISFIED,
    TIMELINESS_ANSWERED, TIMELINESS_SATISFIED,
    ATTITUDE_ANSWERED, ATTITUDE_SATISFIED,
    QUALITY_ANSWERED, QUALITY_SATISFIED,
    /** Complaint callbacks: resolved, and the customer accepts the outcome. */
    COMPLAINT_ANSWERED, COMPLAINT_RESOLVED, OUTCOME_ACCEPTED,
    /** Reached but declined to answer. */
    REFUSED,
    /** Ended after the mall's number of unreachable attempts: counts as not done. */
    UNREACHABLE,
    /** Passed the due time before being done. */
    OVERDUE,
    /** Flagged for the desk: nobody to call; not counted as needing a callback. */
    NO_CONTACT,
    /** Internal property services and request kinds the mall does not call back (seed 000 §4.9). */
    EXEMPT,
    /** Daily proactive callbacks (日常主動性回訪, seed 000 §4.5), counted apart from completed work. */
    PROACTIVE_SCHEDULED, PROACTIVE_DONE, PROACTIVE_SATISFIED
}
