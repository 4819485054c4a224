package com.mallservicedesk.intake.notice;

/** The gateway refused the message (4xx), or may not be called: retrying at once would not help; the sweep tries again later. */
public class GatewayRejectedException extends RuntimeException {

    private final Integer status;

    /** @param reason a {@link DeliveryFailure} code; @param status the gateway's HTTP status, if it answered */
    public GatewayRejectedException(String reason, Integer status) {
        super(reason, null, false, false);
        this.status = status;
    }

    public Integer status() {
        return status;
    }
}
