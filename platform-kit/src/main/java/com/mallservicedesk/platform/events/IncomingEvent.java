package com.mallservicedesk.platform.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent read off a Kafka record; anything that does not honour the contract is poison. */
public record IncomingEvent(
        String id, String type, String source, String subject, String mallId, String correlationId,
        Instant time, String topic, String data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        var headers = record.headers();
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String mallId = required(record, CloudEventHeaders.MALL_ID);
        if (!"1.0".equals(CloudEventHeaders.read(headers, CloudEventHeaders.SPEC_VERSION))) {
            throw new PoisonEventException("unsupported or missing ce_specversion");
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        Instant time;
        try {
            String raw = CloudEventHeaders.read(headers, CloudEventHeaders.TIME);
            time = raw == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp");
        }
        return new IncomingEvent(id, type, source, CloudEventHeaders.read(headers, CloudEventHeaders.SUBJECT), mallId,
                CloudEventHeaders.read(headers, CloudEventHeaders.CORRELATION_ID), time, record.topic(), record.value());
    }

    /**
     * Reads the data into the consumer's own trimmed copy of the event: unknown fields are ignored so
     * producers can add fields without breaking consumers.
     */
    public <T> T dataAs(JsonMapper json, Class<T> type) {
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (JacksonException e) {
            throw new PoisonEventException("data of " + this.type + " " + id + " is not readable: " + e.getOriginalMessage());
        }
    }

    private static String required(ConsumerRecord<String, String> record, String header) {
        String value = CloudEventHeaders.read(record.headers(), header);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing CloudEvents header " + header);
        }
        return value;
    }
}
