package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command against the launcher's real broker: dead letters written as spring-kafka's recoverer writes
 * them are listed without their values, and each is replayed to its original topic exactly once.
 */
class DeadLetterCommandKafkaTest {

    private static final String TOPIC = "demo.v1";
    private static final String DLT = "demo.v1.DLT";
    private static final String LOST = "demo.parcel.lost.v1";
    private static final String FOUND = "demo.parcel.found.v1";

    @TempDir
    Path home;

    private final ChildProcesses children = new ChildProcesses();

    @AfterEach
    void stopChildren() {
        children.stopAll(line -> { });
    }

    @Test
    void listsDeadLettersAndReplaysEachOnceToItsOriginalTopic() throws Exception {
        KafkaProcess kafka = TestProcesses.kafka(home);
        TestProcesses.start(kafka, children);
        String bootstrap = kafka.config().bootstrapServers();
        try (Admin admin = TestProcesses.admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(DLT, 1, (short) 1))).all()
                    .get(20, TimeUnit.SECONDS);
        }
        // The record the filter leaves out comes first: it must neither be sent nor be lost for a later replay.
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(deadLetter("event-found", FOUND, "parcel-7", "{\"phone\":\"+41 79 111 22 33\"}", 4)).get();
            producer.send(deadLetter("event-lost", LOST, "parcel-8", "{\"phone\":\"+41 79 444 55 66\"}", 5)).get();
        }

        Run list = run("list", "--topic", DLT, "--bootstrap", bootstrap);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().lines()).containsExactly(
                line(0, 4, FOUND, "event-found", "parcel-7"),
                line(1, 5, LOST, "event-lost", "parcel-8"));
        assertThat(list.out()).doesNotContain("+41 79");

        Run dryRun = run("replay", "--topic", DLT, "--bootstrap", bootstrap, "--only-type", LOST, "--dry-run");
        assertThat(dryRun.out()).contains("would replay  demo.v1.DLT-0@1 -> demo.v1  type=" + LOST,
                "Dry run: would replay 1 of 2 dead letters");
        assertThat(endOffset(bootstrap)).isZero();
        try (Admin admin = TestProcesses.admin(bootstrap)) {
            assertThat(admin.listConsumerGroupOffsets(DeadLetterReplay.GROUP).partitionsToOffsetAndMetadata()
                    .get(20, TimeUnit.SECONDS)).isEmpty();
        }

        Run replay = run("replay", "--topic", DLT, "--bootstrap", bootstrap, "--only-type", LOST);
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).contains("replayed      demo.v1.DLT-0@1 -> demo.v1  type=" + LOST,
                "Replayed 1 of 2 dead letters read from demo.v1.DLT (1 not selected, 0 replayed before");
        ConsumerRecord<byte[], byte[]> replayed = readOriginalTopic(bootstrap, 1).get(0);
        assertThat(text(replayed.key())).isEqualTo("parcel-8");
        assertThat(text(replayed.value())).isEqualTo("{\"phone\":\"+41 79 444 55 66\"}");
        assertThat(headerNames(replayed)).containsExactly("ce_specversion", "ce_id", "ce_type", "ce_mallid",
                "content-type");
        assertThat(text(replayed.headers().lastHeader("ce_id").value())).isEqualTo("event-lost");

        Run again = run("replay", "--topic", DLT, "--bootstrap", bootstrap, "--only-type", LOST);
        assertThat(again.out()).contains("Replayed 0 of 2 dead letters read from demo.v1.DLT (1 not selected, "
                + "1 replayed before");
        assertThat(endOffset(bootstrap)).isEqualTo(1);

        // Without the filter only the record left out before goes, and after that nothing is pending.
        Run rest = run("replay", "--topic", DLT, "--bootstrap", bootstrap);
        assertThat(rest.out()).contains("replayed      demo.v1.DLT-0@0 -> demo.v1  type=" + FOUND,
                "Replayed 1 of 2 dead letters read from demo.v1.DLT (0 not selected, 1 replayed before");
        assertThat(text(readOriginalTopic(bootstrap, 2).get(1).headers().lastHeader("ce_id").value()))
                .isEqualTo("event-found");
        assertThat(run("replay", "--topic", DLT, "--bootstrap", bootstrap).out())
                .contains("Replayed 0 of 0 dead letters");
        assertThat(endOffset(bootstrap)).isEqualTo(2);

        Run misspelt = run(1, "list", "--topic", "demo.v2.DLT", "--bootstrap", bootstrap);
        assertThat(misspelt.err()).contains("topic demo.v2.DLT does not exist");
        try (Admin admin = TestProcesses.admin(bootstrap)) {
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).doesNotContain("demo.v2.DLT");
        }
    }

    /** Headers as spring-kafka's DeadLetterPublishingRecoverer writes them, after the CloudEvents headers. */
    private static ProducerRecord<byte[], byte[]> deadLetter(String id, String type, String key, String value,
                                                             long originalOffset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_mallid", bytes("M001"));
        headers.add("content-type", bytes("application/json"));
        headers.add("kafka_dlt-exception-fqcn",
                bytes("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        headers.add("kafka_dlt-exception-cause-fqcn", bytes("java.lang.IllegalStateException"));
        headers.add("kafka_dlt-exception-message", bytes("Listener failed; no route for " + id + "\n\tat more"));
        headers.add("kafka_dlt-exception-stacktrace", bytes("java.lang.IllegalStateException: ...\n\tat x.y(Z.java:1)"));
        headers.add("kafka_dlt-original-topic", bytes(TOPIC));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(2).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(originalOffset).array());
        headers.add("kafka_dlt-original-timestamp", ByteBuffer.allocate(Long.BYTES).putLong(1_700_000_000_000L).array());
        headers.add("kafka_dlt-original-timestamp-type", bytes("CreateTime"));
        headers.add("kafka_dlt-original-consumer-group", bytes("demo-service"));
        return new ProducerRecord<>(DLT, 0, 1_700_000_000_000L, bytes(key), bytes(value), headers);
    }

    private static String line(int dltOffset, int originalOffset, String type, String id, String key) {
        return "demo.v1.DLT-0@" + dltOffset + "  from demo.v1-2@" + originalOffset + "  type=" + type + "  id=" + id
                + "  mall=M001  key=" + key + "  error=java.lang.IllegalStateException: Listener failed; no route for "
                + id + "  at=2023-11-14T22:13:20Z";
    }

    private static List<ConsumerRecord<byte[], byte[]>> readOriginalTopic(String bootstrap, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    /** The replay returns only after the broker acknowledged every send: the end offset is final at once. */
    private static long endOffset(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            return consumer.endOffsets(List.of(partition), Duration.ofSeconds(20)).get(partition);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        return run(0, args);
    }

    private static Run run(int expectedExitCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = DeadLetterCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), run.err())
                .isEqualTo(expectedExitCode);
        return run;
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
