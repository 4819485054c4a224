package com.mallservicedesk.benchmarks.process;

/**
 * One java process of the platform on this machine.
 *
 * @param name {@code intake} … {@code survey} for the services (every instance of a service has the same name),
 *             {@link #STORE} for the MongoDB-wire server, {@link #KAFKA} for the broker
 */
public record PlatformProcess(long pid, String name) {

    public static final String STORE = "store";
    public static final String KAFKA = "Kafka";
}
