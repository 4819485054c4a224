package com.mallservicedesk.callback.proactive;

/**
 * Callback's own trimmed copy of {@code mall.intake.tenant.registered.v1} and {@code mall.intake.tenant.updated.v1}:
 * the store, without contacts (the desk reads those in intake's directory when it calls).
 */
record TenantChanged(String tenantId, String name, String kind, String floor, String zone, String unit, Boolean active) {

    boolean isActive() {
        return active == null || active;
    }
}
