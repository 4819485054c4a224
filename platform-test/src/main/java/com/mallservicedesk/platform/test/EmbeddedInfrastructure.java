package com.mallservicedesk.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Apache Kafka in KRaft mode and an in-memory MongoDB-wire server, both in this JVM, started once. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private static volatile EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new SnapshotMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "embedded-infrastructure-shutdown"));
    }

    static EmbeddedInfrastructure get() {
        if (instance == null) {
            synchronized (EmbeddedInfrastructure.class) {
                if (instance == null) {
                    instance = new EmbeddedInfrastructure();
                }
            }
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }
}
