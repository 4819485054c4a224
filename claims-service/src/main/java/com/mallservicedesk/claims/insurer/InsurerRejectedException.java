package com.mallservicedesk.claims.insurer;

/** The insurer refused the report (a 4xx answer): sending it again unchanged would not help. */
public class InsurerRejectedException extends RuntimeException {

    public InsurerRejectedException(String reason) {
        super(reason);
    }
}
