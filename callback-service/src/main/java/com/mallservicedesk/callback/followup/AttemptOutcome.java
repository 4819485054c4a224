package com.mallservicedesk.callback.followup;

/** What came of one try to reach the customer. */
public enum AttemptOutcome {
    /** The customer answered; the answers follow as the callback's result. */
    REACHED,
    /** No answer, wrong number, nobody at the store. */
    UNREACHABLE,
    /** Reached, but declined to answer: the callback is done without answers. */
    REFUSED
}
