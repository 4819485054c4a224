package com.mallservicedesk.callback.followup;

/**
 * Where a callback stands. Open: {@link #SCHEDULED} (not due yet: the desk calls on its next working day),
 * {@link #DUE}, {@link #OVERDUE} (its due time passed), {@link #NO_CONTACT} (nobody to call: flagged for the desk).
 * Closed: {@link #COMPLETED} (answered), {@link #REFUSED} (reached, declined to answer), {@link #UNREACHABLE} (not
 * reached after the mall's number of attempts), {@link #EXEMPT} (no callback needed: internal property service or a
 * kind the mall does not call back).
 */
public enum CallbackStatus {
    SCHEDULED, DUE, OVERDUE, NO_CONTACT, COMPLETED, REFUSED, UNREACHABLE, EXEMPT;

    boolean open() {
        return this == SCHEDULED || this == DUE || this == OVERDUE || this == NO_CONTACT;
    }
}
