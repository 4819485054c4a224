package com.mallservicedesk.dispatch.workorder;

/**
 * UNASSIGNED waits for the front desk (no routing rule matched); ASSIGNED, ACCEPTED and DELAYED are open in a
 * department; COMPLETED is returned (返單) and reopens to ASSIGNED when a callback finds the customer not satisfied;
 * CANCELLED and MERGED are final.
 */
public enum WorkOrderStatus {
    UNASSIGNED, ASSIGNED, ACCEPTED, DELAYED, COMPLETED, CANCELLED, MERGED;

    boolean open() {
        return this == UNASSIGNED || this == ASSIGNED || this == ACCEPTED || this == DELAYED;
    }

    boolean inDepartment() {
        return this == ASSIGNED || this == ACCEPTED || this == DELAYED;
    }
}
