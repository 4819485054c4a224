package com.mallservicedesk.platform.test;

/**
 * The real Kafka broker and MongoDB-wire server that integration tests run against. One JVM shares one
 * of each. {@code -Dplatform.test.infrastructure=containers} runs the same tests against Testcontainers
 * (Apache Kafka and MongoDB images) where Docker exists; the default is the embedded servers.
 */
public interface TestInfrastructure {

    String PROPERTY = "platform.test.infrastructure";

    String kafkaBootstrapServers();

    String mongoUri();

    static boolean containersRequested() {
        return "containers".equals(System.getProperty(PROPERTY, "embedded"));
    }

    static TestInfrastructure current() {
        return containersRequested() ? ContainerInfrastructure.get() : EmbeddedInfrastructure.get();
    }
}
