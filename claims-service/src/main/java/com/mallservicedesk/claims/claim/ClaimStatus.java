package com.mallservicedesk.claims.claim;

/** The first stage of the claim flow (seed 000 §第三條 4.1); later stages follow the flow chart. */
public enum ClaimStatus {
    OPEN
}
