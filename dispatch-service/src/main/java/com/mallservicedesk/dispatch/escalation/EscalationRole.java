package com.mallservicedesk.dispatch.escalation;

/**
 * Who an escalation reaches (seed 000 §3.1, §4.4.3, §4.7 and the flow chart of 第一條). The routine chain is
 * department head → front desk → CS head (客服部負責人); the CS supervisor (客服主管) follows repairs not done in two
 * days (seed 000 §4.4.3); the property manager (物業經理) takes what is beyond customer service (seed 000 §3.1) and,
 * where the mall wants it, what the CS head could not resolve.
 */
public enum EscalationRole {
    DEPARTMENT_HEAD("部門負責人"),
    FRONT_DESK("客服前臺"),
    CS_SUPERVISOR("客服主管"),
    CS_HEAD("客服部負責人"),
    PROPERTY_MANAGER("物業經理");

    private final String title;

    EscalationRole(String title) {
        this.title = title;
    }

    /** The role's name as the seeds write it: the target's name when the mall has stored nobody for the role. */
    public String title() {
        return title;
    }
}
