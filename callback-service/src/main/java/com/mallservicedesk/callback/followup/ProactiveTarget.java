package com.mallservicedesk.callback.followup;

/** The store a daily proactive callback goes to; its contacts stay in intake's tenant directory. */
public record ProactiveTarget(String tenantId, String name, String kind, String floor, String zone, String unit) {
}
