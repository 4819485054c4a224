package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void dropsEveryDeadLetterHeaderAndKeepsTheOthersInOrder() {
        Headers headers = new RecordHeaders();
        headers.add("ce_id", bytes("e-1"));
        headers.add("kafka_dlt-original-topic", bytes("demo.v1"));
        headers.add("traceparent", bytes("00-1"));
        headers.add("kafka_dlt-exception-cause-fqcn", bytes("java.lang.IllegalStateException"));
        headers.add("kafka_dlt-key-exception-message", bytes("bad key"));
        headers.add("traceparent", bytes("00-2"));
        headers.add("kafka_dltx", bytes("not a dead-letter header"));

        Headers kept = DeadLetter.withoutDeadLetterHeaders(headers);

        assertThat(StreamSupport.stream(kept.spliterator(), false).map(header -> header.key() + "="
                + new String(header.value(), StandardCharsets.UTF_8)))
                .containsExactly("ce_id=e-1", "traceparent=00-1", "traceparent=00-2",
                        "kafka_dltx=not a dead-letter header");
    }

    @Test
    void replaysToTheOriginalTopicWithTheSameKeyValueAndEventHeaders() {
        DeadLetter deadLetter = deadLetter("e-1", "parcel.lost.v1");

        ProducerRecord<byte[], byte[]> replay = deadLetter.replay();

        assertThat(replay.topic()).isEqualTo("demo.v1");
        assertThat(replay.partition()).isNull();
        assertThat(replay.timestamp()).isNull();
        assertThat(replay.key()).isEqualTo(bytes("parcel-7"));
        assertThat(replay.value()).isEqualTo(bytes("{\"phone\":\"+41 79 111 22 33\"}"));
        assertThat(StreamSupport.stream(replay.headers().spliterator(), false).map(Header::key))
                .containsExactly("ce_id", "ce_type", "ce_mallid", "content-type");
    }

    @Test
    void refusesToReplayWithoutTheOriginalTopic() {
        DeadLetter deadLetter = new DeadLetter(new ConsumerRecord<>("demo.v1.DLT", 0, 3, null, bytes("{}")));

        assertThat(deadLetter.originalTopic()).isNull();
        assertThatIllegalStateException().isThrownBy(deadLetter::replay)
                .withMessage("demo.v1.DLT-0@3 has no kafka_dlt-original-topic header");
    }

    @Test
    void describesTheDeadLetterOnOneLineWithoutItsValue() {
        DeadLetter deadLetter = deadLetter("e-1", "parcel.lost.v1");

        assertThat(deadLetter.line(false)).isEqualTo("demo.v1.DLT-1@42  from demo.v1-2@17  type=parcel.lost.v1"
                + "  id=e-1  mall=M001  key=parcel-7  error=java.lang.IllegalStateException: Listener failed; boom"
                + "  at=2023-11-14T22:13:20Z");
        assertThat(deadLetter.line(true)).endsWith("  value={\"phone\":\"+41 79 111 22 33\"}");
    }

    @Test
    void keepsALineALineAndNamesWhatIsMissing() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-exception-fqcn", bytes("com.example.PoisonEventException"));
        headers.add("kafka_dlt-original-partition", bytes("3"));
        DeadLetter deadLetter = new DeadLetter(new ConsumerRecord<>("x.DLT", 0, 1, -1L, TimestampType.NO_TIMESTAMP_TYPE,
                0, 0, bytes("two\nlines"), bytes("v\r\n"), headers, Optional.empty()));

        assertThat(deadLetter.line(true)).isEqualTo("x.DLT-0@1  from (no original topic)-3@?  type=-  id=-  mall=-"
                + "  key=two\\nlines  error=com.example.PoisonEventException  at=-  value=v\\r\\n");
    }

    /** As spring-kafka's DeadLetterPublishingRecoverer writes one, read back from {@code demo.v1.DLT}. */
    static DeadLetter deadLetter(String id, String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_mallid", bytes("M001"));
        headers.add("content-type", bytes("application/json"));
        headers.add("kafka_dlt-exception-fqcn",
                bytes("org.springframework.kafka.listener.ListenerExecutionFailedException"));
        headers.add("kafka_dlt-exception-cause-fqcn", bytes("java.lang.IllegalStateException"));
        headers.add("kafka_dlt-exception-message", bytes("Listener failed; boom\nsecond line"));
        headers.add("kafka_dlt-exception-stacktrace", bytes("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)"));
        headers.add("kafka_dlt-original-topic", bytes("demo.v1"));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(2).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(17).array());
        headers.add("kafka_dlt-original-consumer-group", bytes("demo-service"));
        return new DeadLetter(new ConsumerRecord<>("demo.v1.DLT", 1, 42, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, 8, 28, bytes("parcel-7"), bytes("{\"phone\":\"+41 79 111 22 33\"}"), headers,
                Optional.empty()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
