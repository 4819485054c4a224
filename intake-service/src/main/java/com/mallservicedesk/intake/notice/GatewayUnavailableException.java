package com.mallservicedesk.intake.notice;

/** The gateway could not take the message now (5xx, refused, timed out): worth retrying; counts against the breaker. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String reason) {
        super(reason);
    }
}
