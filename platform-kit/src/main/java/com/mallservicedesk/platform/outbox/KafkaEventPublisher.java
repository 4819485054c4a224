package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** Publishes CloudEvents in Kafka binary mode; the producer runs with acks=all and idempotence. */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final String source;
    private final Duration timeout;

    public KafkaEventPublisher(KafkaTemplate<String, String> kafka, String source, Duration timeout) {
        this.kafka = kafka;
        this.source = source;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> publish(PendingEvent event) {
        var record = new ProducerRecord<>(event.topic(), null, event.key(), event.data(),
                CloudEventHeaders.of(event, source));
        return Mono.fromFuture(() -> kafka.send(record)).timeout(timeout).then();
    }
}
