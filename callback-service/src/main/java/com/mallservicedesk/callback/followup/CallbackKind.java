package com.mallservicedesk.callback.followup;

/**
 * The three kinds of callback (seed 000 §4.2: 投訴回訪、接報修回訪、日常主動性回訪), each with its own questions.
 * Work that is not a complaint (repairs, help) is called back like a repair.
 */
public enum CallbackKind {
    /** Timeliness, staff attitude and quality (seed 000 §4.4.5). */
    REPAIR,
    /** Resolved? Does the customer accept the outcome? And the staff's attitude (seed 000 §4.3.4–4.3.5). */
    COMPLAINT,
    /** A random tenant each day, asked how satisfied they are overall (seed 000 §4.5). */
    DAILY;

    static CallbackKind forRequestKind(String requestKind) {
        return "COMPLAINT".equals(requestKind) ? COMPLAINT : REPAIR;
    }
}
