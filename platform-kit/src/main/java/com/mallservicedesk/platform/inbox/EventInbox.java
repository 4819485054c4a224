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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
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
 * records (keyed {@code <consumer>/<event id>}) of the whole poll are looked up in one read by key before the handlers
 * run, and those of the events handled are written together after them, before the offsets commit: two commands per
 * poll instead of two per event. Handlers keep their own writes idempotent (deterministic ids, insert once), so a
 * crash between a handler and the record is harmless when the record is redelivered. Handlers registered as
 * repeatable need neither check nor record.
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
        List<Envelope> envelopes = records.stream().map(Envelope::of).toList();
        Poll poll;
        try {
            poll = new Poll(processedBefore(envelopes, consumers));
        } catch (RuntimeException lookUpFailed) {
            throw new BatchListenerFailedException(lookUpFailed.toString(), lookUpFailed, records.get(0));
        }
        List<Failure> failures = Flux.fromIterable(byKey.values())
                .flatMap(indexes -> Flux.fromIterable(indexes)
                        .concatMap(i -> Flux.fromArray(consumers).concatMap(handlers -> handle(envelopes.get(i), handlers, poll))
                                .then(Mono.<Failure>empty())
                                .onErrorResume(failure -> Mono.error(new Failure(i, failure))))
                        .onErrorResume(Failure.class, Mono::just), concurrency)
                .collectList()
                .block();
        // Also after a failure: the events handled before it need not run again when the batch comes back.
        Failure unrecorded = InsertOnce.allInto(mongo, poll.handled()).timeout(handlerTimeout).then(Mono.<Failure>empty())
                // The whole poll comes again, handled events included: their handlers are idempotent.
                .onErrorResume(failure -> Mono.just(new Failure(0, failure)))
                .block();
        if (unrecorded != null) {
            failures = List.of(unrecorded);
        }
        failures.stream().min(Comparator.comparingInt(Failure::index)).ifPresent(first -> {
            throw new BatchListenerFailedException(first.getCause().toString(), first.getCause(),
                    records.get(first.index()));
        });
    }

    /** A record's CloudEvent, read once per poll; or why the record cannot be read (it is poison). */
    private record Envelope(IncomingEvent event, RuntimeException unreadable) {

        static Envelope of(ConsumerRecord<String, String> record) {
            try {
                return new Envelope(IncomingEvent.from(record), null);
            } catch (RuntimeException unreadable) {
                return new Envelope(null, unreadable);
            }
        }
    }

    /**
     * What the store knows of this poll's events, as processed-record keys: one read by key for the whole poll, and
     * none when every handler is repeatable. An unreadable record is left to its handling, which names it.
     */
    private Set<String> processedBefore(List<Envelope> envelopes, EventHandlers... consumers) {
        List<String> keys = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            IncomingEvent event = envelope.event();
            if (event == null) {
                continue;
            }
            for (EventHandlers handlers : consumers) {
                if (handlers.handles(event.type()) && handlers.records(event.type())) {
                    keys.add(processedKey(handlers.consumer(), event));
                }
            }
        }
        Set<String> known = ConcurrentHashMap.newKeySet();
        if (!keys.isEmpty()) {
            var query = Query.query(Criteria.where("_id").in(keys));
            query.fields().include("_id");
            mongo.find(query, Document.class, ProcessedEvent.COLLECTION)
                    .doOnNext(found -> known.add(found.getString("_id")))
                    .then().timeout(handlerTimeout).block();
        }
        return known;
    }

    /** One poll's processed events: those recorded before it, and those its handlers finished, to be recorded. */
    private record Poll(Set<String> processed, List<ProcessedEvent> handled) {

        Poll(Set<String> processed) {
            this(processed, new CopyOnWriteArrayList<>());
        }

        /** False if the event was processed before or earlier in this poll (a copy sent twice); marks it otherwise. */
        boolean begin(String key) {
            return processed.add(key);
        }
    }

    private static String processedKey(String consumer, IncomingEvent event) {
        return consumer + "/" + event.id();
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

    private Mono<Void> handle(Envelope envelope, EventHandlers handlers, Poll poll) {
        return Mono.defer(() -> {
            if (envelope.unreadable() != null) {
                return Mono.error(envelope.unreadable());
            }
            IncomingEvent event = envelope.event();
            if (!handlers.handles(event.type())) {
                return Mono.<Void>empty();
            }
            String consumer = handlers.consumer();
            if (!handlers.records(event.type())) {
                return withinTimeout(Mono.defer(() -> handlers.handle(event, json)))
                        .doOnSuccess(done -> countProcessed(consumer, event));
            }
            String key = processedKey(consumer, event);
            if (!poll.begin(key)) {
                meters.counter("platform.inbox.duplicates", "consumer", consumer, "type", event.type()).increment();
                log.debug("{} already processed event {}", consumer, event.id());
                return Mono.<Void>empty();
            }
            return withinTimeout(Mono.defer(() -> handlers.handle(event, json)))
                    .doOnSuccess(handled -> {
                        poll.handled().add(new ProcessedEvent(key, consumer, event.id(), event.type(), event.mallId(),
                                clock.instant()));
                        countProcessed(consumer, event);
                    })
                    // A failed event may come again: it is not processed.
                    .doOnError(failure -> poll.processed().remove(key));
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
