package com.mallservicedesk.intake.notice;

/** The gateway refused the message (4xx): retrying at once would not help; the sweep tries again later. */
public class GatewayRejectedException extends RuntimeException {

    public GatewayRejectedException(String reason) {
        super(reason);
    }
}
