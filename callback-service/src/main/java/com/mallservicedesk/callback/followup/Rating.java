package com.mallservicedesk.callback.followup;

/**
 * The customer's answer for one aspect. Basically satisfied, satisfied and very satisfied all count as
 * satisfied (seed 000 §顧客滿意度調查規程 4.5).
 */
public enum Rating {
    VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

    boolean satisfied() {
        return this != DISSATISFIED;
    }
}
