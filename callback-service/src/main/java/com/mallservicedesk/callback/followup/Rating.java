package com.mallservicedesk.callback.followup;

/**
 * The customer's answer for one aspect, in five levels. Basically satisfied, satisfied and very satisfied count as
 * satisfied (seed 000 §顧客滿意度調查規程 4.5.2).
 */
public enum Rating {
    VERY_DISSATISFIED, DISSATISFIED, BASICALLY_SATISFIED, SATISFIED, VERY_SATISFIED;

    boolean satisfied() {
        return this == BASICALLY_SATISFIED || this == SATISFIED || this == VERY_SATISFIED;
    }
}
