package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes CloudEvents in Kafka binary mode; the producer runs with acks=all and idempotence. {@code send} can block
 * (up to {@code max.block.ms} while the broker is away), so it runs on a scheduler of its own, never on a database
 * driver's or a web server's thread.
 */
public class KafkaEventPublisher implements EventPublisher {

    private static final Scheduler SENDS = Schedulers.newBoundedElastic(8, 100_000, "event-send", 60, true);

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
        return Mono.fromCallable(() -> sendOrFailure(record))
                .subscribeOn(SENDS)
                .flatMap(Mono::fromFuture)
                .timeout(timeout)
                .then();
    }

    /**
     * A send that throws (the broker away past {@code max.block.ms}, or the thread interrupted when the timeout gave
     * up on it) answers a failed future instead: after a timeout nobody listens any more, and a thrown error would be
     * logged as a dropped error although the relay simply sends the event again later.
     */
    private CompletableFuture<?> sendOrFailure(ProducerRecord<String, String> record) {
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
