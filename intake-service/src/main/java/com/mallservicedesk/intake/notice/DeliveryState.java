package com.mallservicedesk.intake.notice;

public enum DeliveryState {
    /** Not tried yet. */
    PENDING,
    /** The gateway took it. */
    SENT,
    /** The last try failed; it is tried again until sent. */
    FAILED,
    /** The store confirmed it got the notice. */
    ACKNOWLEDGED
}
