package com.mallservicedesk.claims.insurer;

/** The insurer could not take the report now (down, timed out, overloaded): the report is sent again later. */
public class InsurerUnavailableException extends RuntimeException {

    public InsurerUnavailableException(String reason) {
        super(reason);
    }
}
