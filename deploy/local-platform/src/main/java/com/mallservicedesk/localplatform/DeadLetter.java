package com.mallservicedesk.localplatform;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record of a dead-letter topic as spring-kafka's DeadLetterPublishingRecoverer writes it: the original key,
 * value and headers, plus {@code kafka_dlt-*} headers saying where it came from and why it failed.
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    String originalTopic() {
        String topic = text(record.headers(), ORIGINAL_TOPIC);
        return topic == null || topic.isBlank() ? null : topic;
    }

    String type() {
        return text(record.headers(), CloudEventHeaders.TYPE);
    }

    String id() {
        return text(record.headers(), CloudEventHeaders.ID);
    }

    String mallId() {
        return text(record.headers(), CloudEventHeaders.MALL_ID);
    }

    /** DLT partition@offset, the address an operator quotes. */
    String address() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    String originalAddress() {
        String topic = originalTopic();
        return (topic == null ? "(no original topic)" : topic) + "-"
                + orUnknown(number(ORIGINAL_PARTITION)) + "@" + orUnknown(number(ORIGINAL_OFFSET));
    }

    /**
     * The listener container wraps the handler's exception in a ListenerExecutionFailedException, which says
     * nothing: the cause's class is the one worth reading.
     */
    String exceptionClass() {
        String cause = text(record.headers(), EXCEPTION_CAUSE_FQCN);
        return cause != null ? cause : text(record.headers(), EXCEPTION_FQCN);
    }

    String exceptionFirstLine() {
        String message = text(record.headers(), EXCEPTION_MESSAGE);
        return message == null ? null : message.strip().lines().findFirst().orElse("");
    }

    /** One line per dead letter. The value stays out unless asked for: it may carry personal data. */
    String line(boolean withValue) {
        StringBuilder line = new StringBuilder(address())
                .append("  from ").append(originalAddress())
                .append("  type=").append(oneLine(type()))
                .append("  id=").append(oneLine(id()))
                .append("  mall=").append(oneLine(mallId()))
                .append("  key=").append(oneLine(utf8(record.key())))
                .append("  error=").append(oneLine(exceptionClass()));
        String message = exceptionFirstLine();
        if (message != null) {
            line.append(": ").append(oneLine(message));
        }
        line.append("  at=").append(record.timestamp() < 0 ? "-" : Instant.ofEpochMilli(record.timestamp()));
        if (withValue) {
            line.append("  value=").append(oneLine(utf8(record.value())));
        }
        return line.toString();
    }

    /**
     * The record as it was before it failed: same key, value and headers, minus the dead-letter headers (left in,
     * they would be mistaken for the record's own history when it dead-letters again). The partition follows from
     * the key as for any other record, and the broker stamps a new timestamp: the event's time is in ce_time.
     */
    ProducerRecord<byte[], byte[]> replay() {
        String topic = originalTopic();
        if (topic == null) {
            throw new IllegalStateException(address() + " has no " + ORIGINAL_TOPIC + " header");
        }
        return new ProducerRecord<>(topic, null, null, record.key(), record.value(), withoutDeadLetterHeaders(
                record.headers()));
    }

    /** Keeps every other header, repeated ones included, in their order. */
    static Headers withoutDeadLetterHeaders(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                kept.add(header.key(), header.value());
            }
        }
        return kept;
    }

    /** The recoverer writes the partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private Long number(String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] bytes = header.value();
        if (bytes.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(bytes).getInt();
        }
        if (bytes.length == Long.BYTES) {
            return ByteBuffer.wrap(bytes).getLong();
        }
        try {
            // Written as text by some other tool.
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String orUnknown(Long number) {
        return number == null ? "?" : number.toString();
    }

    /** Keeps a line a line: a key, value or message with line breaks would forge further output lines. */
    static String oneLine(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
