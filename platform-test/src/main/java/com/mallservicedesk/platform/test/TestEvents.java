package com.mallservicedesk.platform.test;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes a CloudEvent as another service would, for testing a consumer on its own. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Sends the event and returns it, so a test can send exactly the same record again. */
    public static PendingEvent send(KafkaTemplate<String, String> kafka, String topic, String type, String mallId,
                                    String subject, String requestId, String data) {
        PendingEvent event = new PendingEvent(UUID.randomUUID().toString(), type, topic, requestId, subject, mallId,
                requestId, Instant.now(), data);
        return resend(kafka, event);
    }

    /** Sends an already built event again: a redelivery. */
    public static PendingEvent resend(KafkaTemplate<String, String> kafka, PendingEvent event) {
        try {
            kafka.send(new ProducerRecord<>(event.topic(), null, event.key(), event.data(),
                    CloudEventHeaders.of(event, "/mall-service-desk/test"))).get();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
