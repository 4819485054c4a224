package com.mallservicedesk.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Apache Kafka in KRaft mode and an in-memory MongoDB-wire server, both in this JVM, started once. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    /** The name of the thread in which Spring Boot closes its applications at exit. */
    private static final String SPRING_SHUTDOWN_HOOK = "SpringApplicationShutdownHook";

    private static volatile EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new SnapshotMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        // The JVM runs its shutdown hooks all at once, and a Kafka client whose broker left first waits out its
        // timeouts (30 s for a producer). So where Spring Boot applications run, its hook stops these after closing
        // them; the JVM hook stops them where none ran (the end-to-end tests' JVM) and otherwise waits for it.
        SpringApplication.getShutdownHandlers().add(this::stop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitSpringShutdownHook();
            stop();
        }, "embedded-infrastructure-shutdown"));
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            mongo.shutdownNow();
            kafka.destroy();
        }
    }

    /** Joins Spring Boot's shutdown hook if it runs; the JVM starts its hooks one after another, so it looks briefly. */
    private static void awaitSpringShutdownHook() {
        long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
        try {
            while (System.nanoTime() < until) {
                var hook = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> SPRING_SHUTDOWN_HOOK.equals(thread.getName())).findFirst();
                if (hook.isPresent()) {
                    hook.get().join(Duration.ofMinutes(1).toMillis());
                    return;
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
