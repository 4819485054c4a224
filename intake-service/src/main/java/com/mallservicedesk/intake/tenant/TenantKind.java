package com.mallservicedesk.intake.tenant;

/** Seed 004 / seed 000 §顧客滿意度調查規程: anchor stores (大店) and counters (專柜) are surveyed differently. */
public enum TenantKind {
    ANCHOR_STORE, COUNTER
}
