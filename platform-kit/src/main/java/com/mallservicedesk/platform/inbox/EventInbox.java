package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Hands a Kafka record to the consumer's handler at most once per event id. The processed-event record is
 * written after the handler succeeded; handlers keep their own writes idempotent (deterministic ids,
 * upserts), so a crash between the two is harmless when the record is redelivered. A failing handler
 * throws, and the container's error handler retries with back-off and then dead-letters the record.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration handlerTimeout;

    public EventInbox(ReactiveMongoTemplate mongo, MeterRegistry meters, Clock clock, Duration handlerTimeout) {
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
        this.handlerTimeout = handlerTimeout;
    }

    /** Called from a listener thread: blocks until the event is handled, so offsets commit only after that. */
    public void accept(ConsumerRecord<String, String> record, EventHandlers handlers) {
        IncomingEvent event = IncomingEvent.from(record);
        var handler = handlers.handlerFor(event.type());
        if (handler == null) {
            return;
        }
        String consumer = handlers.consumer();
        if (Boolean.TRUE.equals(alreadyProcessed(consumer, event.id()).block(handlerTimeout))) {
            meters.counter("platform.inbox.duplicates", "consumer", consumer, "type", event.type()).increment();
            log.debug("{} already processed event {}", consumer, event.id());
            return;
        }
        handler.apply(event).then(markProcessed(consumer, event)).block(handlerTimeout);
        meters.counter("platform.inbox.processed", "consumer", consumer, "type", event.type()).increment();
    }

    private Mono<Boolean> alreadyProcessed(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("consumer").is(consumer).and("eventId").is(eventId)),
                ProcessedEvent.class);
    }

    private Mono<Void> markProcessed(String consumer, IncomingEvent event) {
        var record = new ProcessedEvent(consumer + "/" + event.id(), consumer, event.id(), event.type(), event.mallId(),
                clock.instant());
        return mongo.insert(record).then().onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }
}
