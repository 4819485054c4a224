package com.mallservicedesk.intake.request;

public enum RequestStatus {
    /** Registered and handed on to dispatch. */
    REGISTERED,
    /** Answered on the spot or finished. */
    CLOSED
}
