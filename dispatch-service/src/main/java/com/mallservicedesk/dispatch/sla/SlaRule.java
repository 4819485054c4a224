package com.mallservicedesk.dispatch.sla;

/** The service levels a work order is timed against; each round of a work order has its own clock per rule. */
public enum SlaRule {
    /** An order waiting for the front desk is dispatched within the limit after acceptance (seed 001 §二.3). */
    DISPATCH,
    /** The department contacts the customer at once after receiving the task (seed 000 §4.5). */
    CONTACT,
    /** Handled the same working day, or reported back with a promised time (seed 000 §4.6). */
    SAME_DAY,
    /** Done by the time the department promised (seed 000 §4.6). */
    PROMISED,
    /** A repair not completed within 48 h goes to the supervisor (seed 000 §4.4.3). */
    REPAIR_COMPLETION,
    /**
     * Retired: "passed to the supervisor within [X] minutes" (seed 003 §2) is the front desk's hand-over of a complaint,
     * which intake measures in its complaint register, not something the department does. Kept only so orders and
     * timers stored with it still load; it never applies, so a stored clock is cancelled at the order's next save and a
     * stored timer fires without effect. Breaches recorded under it stay on the orders that have them.
     */
    @Deprecated
    COMPLAINT_TO_SUPERVISOR,
    /** The department investigates a complaint within a set number of working days (seed 003 §2). */
    COMPLAINT_INVESTIGATION;

    /**
     * Rules about what the department holding the order does: a transfer or reassignment gives the new department
     * its own clock. The others run for the whole round whoever holds the order.
     */
    public boolean perDepartment() {
        return this == CONTACT || this == SAME_DAY || this == PROMISED;
    }
}
