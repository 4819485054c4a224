package com.mallservicedesk.platform.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Apache Kafka and MongoDB (replica set) in containers, started once per JVM; used only where Docker runs. */
final class ContainerInfrastructure implements TestInfrastructure {

    private static volatile ContainerInfrastructure instance;

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    private ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    static ContainerInfrastructure get() {
        if (instance == null) {
            synchronized (ContainerInfrastructure.class) {
                if (instance == null) {
                    instance = new ContainerInfrastructure();
                }
            }
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getReplicaSetUrl();
    }
}
