package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.polling.PollingLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes the events stored in {@link OutboxCarrier} documents, oldest first per document, and
 * removes each one only after the broker acknowledged it. A failed send leaves the event where it is
 * and the next round tries again, so an event implied by a stored change is never lost; a crash
 * after the send and before the removal sends it again, which idempotent consumers absorb.
 *
 * <p>It runs on a fixed poll interval and whenever {@link #nudge()} is called after a save, so events
 * usually leave within milliseconds and, after any failure, within one interval.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING_KEY = OutboxCarrier.FIELD + ".eventId";

    private final ReactiveMongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final EventPublisher publisher;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private final PollingLoop loop;
    private volatile List<String> collections;

    public OutboxRelay(ReactiveMongoTemplate mongo, MongoMappingContext mappingContext, EventPublisher publisher,
                       Duration pollInterval, int batchSize, MeterRegistry meters) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.published = Counter.builder("platform.outbox.published").description("Events the outbox relay handed to the broker").register(meters);
        this.failures = Counter.builder("platform.outbox.publish.failures").description("Outbox sends that failed and will be retried").register(meters);
        this.loop = new PollingLoop("Outbox relay", pollInterval, nudges.asFlux(), this::relayOnce);
    }

    /** Asks for a relay round now instead of at the next interval. */
    public void nudge() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    /** One round over every outbox collection; completes with the number of events published. */
    public Mono<Long> relayOnce() {
        return Flux.fromIterable(collections())
                .concatMap(collection -> mongo.find(
                                Query.query(Criteria.where(PENDING_KEY).exists(true)).limit(batchSize),
                                Document.class, collection)
                        .concatMap(document -> relayDocument(collection, document)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> relayDocument(String collection, Document document) {
        Object id = document.get("_id");
        List<PendingEvent> events = document.getList(OutboxCarrier.FIELD, Document.class).stream()
                .map(OutboxRelay::toPendingEvent).toList();
        return Flux.fromIterable(events)
                .concatMap(event -> publisher.publish(event)
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                                new Update().pull(OutboxCarrier.FIELD, new Document("eventId", event.eventId())), collection))
                        .doOnSuccess(done -> published.increment())
                        .thenReturn(1L))
                .reduce(0L, Long::sum)
                .onErrorResume(error -> {
                    // Order matters within a document: stop here and retry this document next round.
                    failures.increment();
                    log.warn("Outbox send from {} {} failed, will retry: {}", collection, id, error.toString());
                    return Mono.just(0L);
                });
    }

    private List<String> collections() {
        if (collections == null) {
            collections = mappingContext.getPersistentEntities().stream()
                    .filter(entity -> OutboxCarrier.class.isAssignableFrom(entity.getType()))
                    .map(MongoPersistentEntity::getCollection)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
        }
        return collections;
    }

    /**
     * Only documents with pending events are in this sparse index, so the relay's poll reads those and not
     * the whole collection.
     */
    private Mono<Void> indexPendingEvents() {
        return Flux.fromIterable(collections())
                .concatMap(collection -> mongo.indexOps(collection)
                        .createIndex(new Index().on(PENDING_KEY, Sort.Direction.ASC).sparse().named("outbox_pending")))
                .then();
    }

    static PendingEvent toPendingEvent(Document d) {
        var time = d.getDate("time");
        return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("subject"), d.getString("mallId"), d.getString("correlationId"),
                time == null ? null : time.toInstant(), d.getString("data"));
    }

    @Override
    public void start() {
        indexPendingEvents().block(Duration.ofSeconds(30));
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
