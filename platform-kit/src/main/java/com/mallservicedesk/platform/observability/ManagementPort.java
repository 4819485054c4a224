package com.mallservicedesk.platform.observability;

import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/** Tells requests to the management port (loopback or a private network) from requests to the service port. */
public final class ManagementPort {

    private ManagementPort() {
    }

    public static boolean received(ServerWebExchange exchange, Environment environment) {
        var local = exchange.getRequest().getLocalAddress();
        Integer managementPort = environment.getProperty("local.management.port", Integer.class);
        return local != null && managementPort != null && managementPort > 0 && local.getPort() == managementPort;
    }
}
