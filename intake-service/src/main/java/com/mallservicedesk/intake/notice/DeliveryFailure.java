package com.mallservicedesk.intake.notice;

import java.util.Set;

/**
 * Why a delivery failed, as stored and shown: our own codes, never the gateway's answer or an exception's text,
 * which could describe the network behind the gateway to whoever reads the notice.
 */
final class DeliveryFailure {

    static final String NOT_CONFIGURED = "gateway-not-configured";
    /** The stored address does not pass the gateway rules (any more), or its name resolves to a non-public address. */
    static final String NOT_ALLOWED = "gateway-not-allowed";
    /** No connection, no answer in time. */
    static final String UNREACHABLE = "gateway-unreachable";
    /** Answered 5xx, 408 or 429: busy or broken, retried. */
    static final String UNAVAILABLE = "gateway-unavailable";
    /** Answered anything else that is not 2xx. */
    static final String REJECTED = "gateway-rejected";
    static final String CIRCUIT_OPEN = "gateway-circuit-open";
    static final String FAILED = "delivery-failed";

    private static final Set<String> CODES = Set.of(NOT_CONFIGURED, NOT_ALLOWED, UNREACHABLE, UNAVAILABLE, REJECTED,
            CIRCUIT_OPEN, FAILED);

    private DeliveryFailure() {
    }

    /** Deliveries stored before these codes carry free text: shown only as the generic code. */
    static String shown(String stored) {
        return stored == null || CODES.contains(stored) ? stored : FAILED;
    }
}
