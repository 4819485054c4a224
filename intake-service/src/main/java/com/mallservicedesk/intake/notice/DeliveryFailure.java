package com.mallservicedesk.intake.notice;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Set;

/**
 * Why a delivery failed, as stored and shown: our own codes, never the gateway's answer or an exception's text,
 * which could describe the network behind the gateway to whoever reads the notice.
 */
public final class DeliveryFailure {

    public static final String NOT_CONFIGURED = "gateway-not-configured";
    /** The stored address does not pass the gateway rules (any more), or its name resolves to a non-public address. */
    public static final String NOT_ALLOWED = "gateway-not-allowed";
    /** No connection, no answer in time. */
    public static final String UNREACHABLE = "gateway-unreachable";
    /** Answered 5xx, 408 or 429: busy or broken, retried. */
    public static final String UNAVAILABLE = "gateway-unavailable";
    /** Answered anything else that is not 2xx. */
    public static final String REJECTED = "gateway-rejected";
    public static final String CIRCUIT_OPEN = "gateway-circuit-open";
    public static final String FAILED = "delivery-failed";

    private static final Set<String> CODES = Set.of(NOT_CONFIGURED, NOT_ALLOWED, UNREACHABLE, UNAVAILABLE, REJECTED,
            CIRCUIT_OPEN, FAILED);

    private DeliveryFailure() {
    }

    /** Our code for why a send failed: never the exception's or the gateway's text. */
    public static String reasonOf(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return CIRCUIT_OPEN;
        }
        if (error instanceof GatewayUnavailableException || error instanceof GatewayRejectedException) {
            return error.getMessage();
        }
        return FAILED;
    }

    /** The gateway's HTTP status on a failed send, if it answered. */
    public static Integer statusOf(Throwable error) {
        if (error instanceof GatewayUnavailableException unavailable) {
            return unavailable.status();
        }
        return error instanceof GatewayRejectedException rejected ? rejected.status() : null;
    }

    /** Deliveries stored before these codes carry free text: shown only as the generic code. */
    public static String shown(String stored) {
        return stored == null || CODES.contains(stored) ? stored : FAILED;
    }
}
