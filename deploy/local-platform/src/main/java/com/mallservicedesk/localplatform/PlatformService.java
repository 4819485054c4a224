package com.mallservicedesk.localplatform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the platform's five services and its standard port. Extra instances listen on the standard port plus
 * 10 000 per instance after the first: intake-service on 8081, 18081, 28081 …, dispatch-service on 8082, 18082 …
 */
public record PlatformService(String name, int port) {

    public static final List<PlatformService> ALL = List.of(
            new PlatformService("intake-service", 8081),
            new PlatformService("dispatch-service", 8082),
            new PlatformService("callback-service", 8083),
            new PlatformService("claims-service", 8084),
            new PlatformService("survey-service", 8085));

    /**
     * The web console: not one of the services (it owns no data and reads no events), started after them because it
     * only relays to their APIs. One instance; its jar is built like theirs.
     */
    public static final PlatformService CONSOLE = new PlatformService("web-console", 8080);

    /** Up to 38085: the next step, 48081, would reach into the range Linux hands out for outgoing connections. */
    public static final int MAX_INSTANCES = 4;

    private static final int PORT_STEP = 10_000;

    public static PlatformService named(String name) {
        return ALL.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service: " + name + " (services: "
                        + ALL.stream().map(PlatformService::name).collect(Collectors.joining(", ")) + ")"));
    }

    /** Instance {@code number} (from 1) on its port by the scheme above. */
    public ServiceInstance instance(int number) {
        if (number < 1 || number > MAX_INSTANCES) {
            throw new IllegalArgumentException(name + ": instance " + number + " is not between 1 and "
                    + MAX_INSTANCES);
        }
        return new ServiceInstance(name, number, port + PORT_STEP * (number - 1));
    }
}
