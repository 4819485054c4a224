package com.mallservicedesk.intake.gateway;

import java.net.UnknownHostException;

/**
 * A gateway host resolved to an address that is not on the public internet. An {@link UnknownHostException}, so
 * the HTTP client fails the connection exactly as for a name that does not exist; the text names no address.
 */
public class NonPublicAddressException extends UnknownHostException {

    public NonPublicAddressException() {
        super("gateway host resolves to a non-public address");
    }
}
