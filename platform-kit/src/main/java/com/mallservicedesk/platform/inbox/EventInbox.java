package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands the records of a poll to the consumer's handlers, each event at most once per event id. The processed-event
 * record (keyed {@code <consumer>/<event id>}, so the check is a read by key) is written after the handler succeeded;
 * handlers keep their own writes idempotent (deterministic ids, insert once), so a crash between the two is harmless
 * when the record is redelivered. Handlers registered as repeatable need neither check nor record.
 *
 * <p>Records of different keys (the originating request) are handled at the same time, up to
 * {@code platform.inbox.concurrency}, those of one key one after the other in their order. Why: a handler's writes
 * each wait for the store to commit; one record at a time per partition, a consumer ran at a few dozen events a
 * second, however idle the store, and fell behind any longer load.
 *
 * <p>A failing record stops its key's later records in the batch. The listener then throws
 * {@link BatchListenerFailedException} for the first failed record of the batch: the records before it are committed,
 * and the container's error handler retries from it with back-off or dead-letters it. Records after it that were
 * handled already come again and are recognised as handled (the record, or the handler's own idempotence).
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration handlerTimeout;
    private final int concurrency;

    public EventInbox(ReactiveMongoTemplate mongo, JsonMapper json, MeterRegistry meters, Clock clock,
                      Duration handlerTimeout, int concurrency) {
        this.mongo = mongo;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.handlerTimeout = handlerTimeout;
        this.concurrency = concurrency;
    }

    /**
     * Called from a batch listener thread: blocks until the records are handled, so offsets commit only after. With
     * several consumers on one listener, each record goes to each of them in turn before the record counts as handled:
     * committing the records before a failure must not skip a consumer that had not seen them yet.
     */
    public void accept(List<ConsumerRecord<String, String>> records, EventHandlers... consumers) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byKey.computeIfAbsent(String.valueOf(records.get(i).key()), k -> new ArrayList<>()).add(i);
        }
        List<Failure> failures = Flux.fromIterable(byKey.values())
                .flatMap(indexes -> Flux.fromIterable(indexes)
                        .concatMap(i -> Flux.fromArray(consumers).concatMap(handlers -> handle(records.get(i), handlers))
                                .then(Mono.<Failure>empty())
                                .onErrorResume(failure -> Mono.error(new Failure(i, failure))))
                        .onErrorResume(Failure.class, Mono::just), concurrency)
                .collectList()
                .block();
        failures.stream().min(Comparator.comparingInt(Failure::index)).ifPresent(first -> {
            throw new BatchListenerFailedException(first.getCause().toString(), first.getCause(),
                    records.get(first.index()));
        });
    }

    /** A record that failed, by its index in the batch. */
    private static final class Failure extends RuntimeException {

        private final int index;

        Failure(int index, Throwable cause) {
            super(cause.toString(), cause, false, false);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    private Mono<Void> handle(ConsumerRecord<String, String> record, EventHandlers handlers) {
        return Mono.defer(() -> {
            IncomingEvent event = IncomingEvent.from(record);
            if (!handlers.handles(event.type())) {
                return Mono.<Void>empty();
            }
            String consumer = handlers.consumer();
            if (!handlers.records(event.type())) {
                return withinTimeout(Mono.defer(() -> handlers.handle(event, json)))
                        .doOnSuccess(done -> countProcessed(consumer, event));
            }
            String key = consumer + "/" + event.id();
            var processed = new ProcessedEvent(key, consumer, event.id(), event.type(), event.mallId(), clock.instant());
            return mongo.exists(Query.query(Criteria.where("_id").is(key)), ProcessedEvent.class).flatMap(done -> {
                if (done) {
                    meters.counter("platform.inbox.duplicates", "consumer", consumer, "type", event.type()).increment();
                    log.debug("{} already processed event {}", consumer, event.id());
                    return Mono.<Void>empty();
                }
                return withinTimeout(Mono.defer(() -> handlers.handle(event, json)))
                        .then(InsertOnce.into(mongo, processed)).then()
                        .doOnSuccess(handled -> countProcessed(consumer, event));
            });
        });
    }

    private void countProcessed(String consumer, IncomingEvent event) {
        meters.counter("platform.inbox.processed", "consumer", consumer, "type", event.type()).increment();
    }

    /** A handler that hangs fails like any other, to be retried and then dead-lettered (not waited for forever). */
    private Mono<Void> withinTimeout(Mono<?> handling) {
        return handling.timeout(handlerTimeout, Mono.error(() -> new IllegalStateException(
                "handler did not finish within " + handlerTimeout))).then();
    }
}
