package com.mallservicedesk.claims.claim;

/** Whether the claim file is still worked on; the stage says where in the flow it is. */
public enum ClaimStatus {
    OPEN, ARCHIVED
}
