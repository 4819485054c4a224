package com.mallservicedesk.intake.notice;

/** The gateway could not take the message now (5xx, refused, timed out): worth retrying; counts against the breaker. */
public class GatewayUnavailableException extends RuntimeException {

    private final Integer status;

    /** @param reason a {@link DeliveryFailure} code; @param status the gateway's HTTP status, if it answered */
    public GatewayUnavailableException(String reason, Integer status) {
        super(reason, null, false, false);
        this.status = status;
    }

    public Integer status() {
        return status;
    }
}
