package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.polling.PollingLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
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
 * after the send and before the removal sends it again, which idempotent consumers absorb. An event that a
 * save of a stale copy writes back after its removal is recognised by its published marker and removed
 * without a second send.
 *
 * <p>It runs on a fixed poll interval and whenever {@link #nudge()} is called after a save, so events
 * usually leave within milliseconds and, after any failure, within one interval.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String PENDING_KEY = OutboxCarrier.FIELD + ".eventId";
    /** Ids of events the broker acknowledged, kept for {@code markerRetention}. */
    static final String PUBLISHED = "outbox_published";

    private final ReactiveMongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final EventPublisher publisher;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;
    private final Counter writtenBack;
    private final Clock clock;
    private final Duration markerRetention = Duration.ofDays(1);
    private long rounds;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private final PollingLoop loop;
    private volatile List<String> collections;

    public OutboxRelay(ReactiveMongoTemplate mongo, MongoMappingContext mappingContext, EventPublisher publisher,
                       Duration pollInterval, int batchSize, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.published = Counter.builder("platform.outbox.published").description("Events the outbox relay handed to the broker").register(meters);
        this.failures = Counter.builder("platform.outbox.publish.failures").description("Outbox sends that failed and will be retried").register(meters);
        this.writtenBack = Counter.builder("platform.outbox.written.back")
                .description("Sent events a stale save wrote back; removed without sending them again").register(meters);
        this.loop = new PollingLoop("Outbox relay", pollInterval, nudges.asFlux(), this::relayOnce);
    }

    /** Asks for a relay round now instead of at the next interval. */
    public void nudge() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    /** One round over every outbox collection; completes with the number of events published. */
    public Mono<Long> relayOnce() {
        Mono<Void> housekeeping = ++rounds % 3600 == 0 ? forgetOldMarkers() : Mono.empty();
        return housekeeping.thenMany(Flux.fromIterable(collections()))
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
        return alreadyPublished(events)
                .flatMapMany(sent -> Flux.fromIterable(events).concatMap(event -> sent.contains(event.eventId())
                        ? remove(collection, id, event).doOnSuccess(done -> writtenBack.increment()).thenReturn(0L)
                        : publisher.publish(event)
                                .then(markPublished(event))
                                .then(remove(collection, id, event))
                                .doOnSuccess(done -> published.increment())
                                .thenReturn(1L)))
                .reduce(0L, Long::sum)
                .onErrorResume(error -> {
                    // Order matters within a document: stop here and retry this document next round.
                    failures.increment();
                    log.warn("Outbox send from {} {} failed, will retry: {}", collection, id, error.toString());
                    return Mono.just(0L);
                });
    }

    /**
     * Ids among these events that were sent before. A save of a copy loaded before the relay removed an
     * event writes that event back; the marker lets the relay remove it again without sending it twice.
     */
    private Mono<Set<String>> alreadyPublished(List<PendingEvent> events) {
        List<String> ids = events.stream().map(PendingEvent::eventId).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, PUBLISHED)
                .map(marker -> marker.getString("_id"))
                .collect(Collectors.toSet());
    }

    private Mono<Void> markPublished(PendingEvent event) {
        return mongo.insert(new Document("_id", event.eventId()).append("publishedAt", Date.from(clock.instant())), PUBLISHED)
                .then()
                .onErrorResume(DuplicateKeyException.class, alreadyMarked -> Mono.empty());
    }

    private Mono<Void> remove(String collection, Object id, PendingEvent event) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(OutboxCarrier.FIELD, new Document("eventId", event.eventId())), collection).then();
    }

    /** Markers only need to outlive a stale copy of a document: a day is far more than any request takes. */
    private Mono<Void> forgetOldMarkers() {
        return mongo.remove(Query.query(Criteria.where("publishedAt").lt(Date.from(clock.instant().minus(markerRetention)))),
                PUBLISHED).then();
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
