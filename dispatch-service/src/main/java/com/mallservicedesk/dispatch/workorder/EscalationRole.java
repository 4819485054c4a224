package com.mallservicedesk.dispatch.workorder;

/** The escalation chain, one step per level (seed 000 §3.1, §4.7 and its flow chart). */
public enum EscalationRole {
    DEPARTMENT_HEAD, FRONT_DESK, CS_HEAD, PROPERTY_MANAGER;

    static final int TOP = values().length;

    /** @param level 1..4 */
    static EscalationRole atLevel(int level) {
        return values()[level - 1];
    }
}
