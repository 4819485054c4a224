package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a Kafka record to the consumer's handler at most once per event id. The processed-event record (keyed
 * {@code <consumer>/<event id>}, so the check is a read by key) is written after the handler succeeded; handlers keep
 * their own writes idempotent (deterministic ids, insert once), so a crash between the two is harmless when the
 * record is redelivered. Handlers registered as repeatable need neither check nor record. A failing handler
 * throws, and the container's error handler retries with back-off and then dead-letters the record.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration handlerTimeout;

    public EventInbox(ReactiveMongoTemplate mongo, JsonMapper json, MeterRegistry meters, Clock clock,
                      Duration handlerTimeout) {
        this.mongo = mongo;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.handlerTimeout = handlerTimeout;
    }

    /** Called from a listener thread: blocks until the event is handled, so offsets commit only after that. */
    public void accept(ConsumerRecord<String, String> record, EventHandlers handlers) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!handlers.handles(event.type())) {
            return;
        }
        String consumer = handlers.consumer();
        if (!handlers.records(event.type())) {
            Mono.defer(() -> handlers.handle(event, json)).block(handlerTimeout);
            meters.counter("platform.inbox.processed", "consumer", consumer, "type", event.type()).increment();
            return;
        }
        String key = consumer + "/" + event.id();
        if (Boolean.TRUE.equals(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), ProcessedEvent.class)
                .block(handlerTimeout))) {
            meters.counter("platform.inbox.duplicates", "consumer", consumer, "type", event.type()).increment();
            log.debug("{} already processed event {}", consumer, event.id());
            return;
        }
        var processed = new ProcessedEvent(key, consumer, event.id(), event.type(), event.mallId(), clock.instant());
        Mono.defer(() -> handlers.handle(event, json))
                .then(InsertOnce.into(mongo, processed))
                .block(handlerTimeout);
        meters.counter("platform.inbox.processed", "consumer", consumer, "type", event.type()).increment();
    }
}
