package com.mallservicedesk.intake.request;

/** Where a request stands in the reception log; dispatch and callback events move it along. */
public enum RequestStatus {
    /** An online message (WeChat, QQ, online platform, email) waiting for the front desk to accept it (seed 001 §二.3). */
    PENDING_ACCEPTANCE,
    /** In the log and ready for dispatch. */
    REGISTERED,
    /** A department has the work order. */
    DISPATCHED,
    /** The department accepted the work, or it was reopened. */
    IN_PROGRESS,
    /** The department returned the work order as done (返單); the callback follows. */
    COMPLETED,
    /** Answered on the spot, or closed after a satisfied callback. */
    CLOSED,
    CANCELLED,
    /** A duplicate report merged into another request, which carries the work. */
    MERGED;

    boolean isFinal() {
        return this == CLOSED || this == CANCELLED || this == MERGED;
    }
}
