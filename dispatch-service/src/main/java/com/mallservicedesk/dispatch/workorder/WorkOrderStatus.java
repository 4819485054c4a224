package com.mallservicedesk.dispatch.workorder;

public enum WorkOrderStatus {
    ASSIGNED, COMPLETED
}
