package com.mallservicedesk.localplatform;

import java.net.URI;

/**
 * One running copy of a service: which service (its module name), which copy (from 1) and the port it listens on.
 * The first copy is named after the service, the others get their number: {@code intake-service-2}.
 */
public record ServiceInstance(String service, int number, int port) {

    public String name() {
        return number == 1 ? service : service + "-" + number;
    }

    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    public URI healthUri() {
        return URI.create(url() + "/actuator/health");
    }

    /** The liveness group on the management port (the service port + 1000). */
    public URI livenessUri() {
        return URI.create("http://" + Ports.LOOPBACK + ":" + (port + 1000) + "/actuator/health/liveness");
    }
}
