package com.mallservicedesk.benchmarks.ceiling;

import com.mallservicedesk.benchmarks.load.Latencies;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * The same work as a registration without the services: insert a document of a request's size by {@code _id} into a
 * scratch database, then send a record of a registration event's size to a scratch topic (acks=all, idempotent) and
 * wait for the acknowledgement. Both scratch places are removed afterwards.
 */
public final class RawCeiling {

    private static final int WARM_UP = 200;

    private final String mongoUri;
    private final String kafkaBootstrap;
    private final String scratch = "benchmark_scratch_" + UUID.randomUUID().toString().substring(0, 8);

    public RawCeiling(String mongoUri, String kafkaBootstrap) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    public CeilingResult run(int operations, int concurrency) throws InterruptedException {
        System.out.printf("Raw ceiling: %d MongoDB inserts + Kafka sends, then each alone, %d concurrent (database and topic %s)%n",
                operations, concurrency, scratch);
        try (MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString(mongoUri))
                     .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                     .applyToConnectionPoolSettings(pool -> pool.maxSize(Math.max(100, concurrency))).build());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            admin.createTopics(List.of(new NewTopic(scratch, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            MongoCollection<Document> collection = mongo.getDatabase(scratch).getCollection("requests");
            try {
                pass(collection, producer, Math.min(WARM_UP, operations), concurrency, true, true); // warm-up
                var result = new CeilingResult(operations, concurrency,
                        pass(collection, producer, operations, concurrency, true, true),
                        pass(collection, producer, operations, concurrency, true, false),
                        pass(collection, producer, operations, concurrency, false, true),
                        documentBytes(), record(0).length);
                System.out.println("Raw ceiling: " + result.line());
                return result;
            } finally {
                mongo.getDatabase(scratch).drop();
                admin.deleteTopics(List.of(scratch)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("raw ceiling failed: " + e, e);
        }
    }

    private CeilingResult.Pass pass(MongoCollection<Document> collection, KafkaProducer<String, byte[]> producer,
                                    int operations, int concurrency, boolean insert, boolean send)
            throws InterruptedException, ExecutionException {
        var latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        String id = UUID.randomUUID().toString();
                        long begin = System.nanoTime();
                        try {
                            if (insert) {
                                collection.insertOne(document(id));
                            }
                            if (send) {
                                producer.send(producerRecord(id, i)).get();
                            }
                            latencies.add(System.nanoTime() - begin);
                        } catch (RuntimeException | ExecutionException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CeilingResult.Pass(latencies.count() / seconds, failed.get(), latencies.summary());
    }

    private Properties producerProperties() {
        var properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /** The registration event as the outbox relay sends it: CloudEvents headers, the request id as key. */
    private ProducerRecord<String, byte[]> producerRecord(String id, int sequence) {
        var record = new ProducerRecord<String, byte[]>(scratch, id, record(sequence));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/intake-service",
                        "ce_type", "mall.intake.request.registered.v1", "ce_subject", id, "ce_time", Instant.now().toString(),
                        "ce_mallid", "BENCH-01", "ce_correlationid", id)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Shaped like intake's stored request: the registration, its timeline entry and its pending event. */
    static Document document(String id) {
        Date now = Date.from(Instant.now());
        var location = new Document("floor", "3F").append("zone", "B");
        var customer = new Document("name", "測試").append("phone", "13800000000").append("type", "SHOPPER");
        return new Document("_id", id).append("mallId", "BENCH-01").append("number", "BENCH-20261125-000123")
                .append("channel", "PHONE").append("kind", "REPAIR").append("description", "基準測試 123:洗手間水龍頭漏水")
                .append("location", location).append("customer", customer).append("reporters", List.of(customer))
                .append("priority", "NORMAL").append("status", "REGISTERED").append("receivedAt", now)
                .append("registeredAt", now).append("registeredBy", new Document("id", "benchmark").append("name", "Benchmark"))
                .append("timeline", List.of(new Document("id", id + ":registered").append("type", "REGISTERED")
                        .append("at", now).append("by", "benchmark")))
                .append("outbox", List.of(new Document("id", UUID.randomUUID().toString())
                        .append("type", "mall.intake.request.registered.v1")
                        .append("data", new String(record(0), StandardCharsets.UTF_8))))
                .append("version", 0L);
    }

    static int documentBytes() {
        return new RawBsonDocument(document("size"), new DocumentCodec()).getByteBuffer().remaining();
    }

    /** Shaped like the registration event's data. */
    static byte[] record(int sequence) {
        return ("{\"requestId\":\"" + UUID.randomUUID() + "\",\"number\":\"BENCH-20261125-" + sequence + "\","
                + "\"mallId\":\"BENCH-01\",\"channel\":\"PHONE\",\"kind\":\"REPAIR\",\"category\":null,"
                + "\"priority\":\"NORMAL\",\"description\":\"基準測試 123:洗手間水龍頭漏水\","
                + "\"location\":{\"floor\":\"3F\",\"zone\":\"B\"},"
                + "\"customer\":{\"name\":\"測試\",\"phone\":\"13800000000\",\"type\":\"SHOPPER\"},"
                + "\"receivedAt\":\"" + Instant.now() + "\",\"possibleDuplicateOf\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
