package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.PendingTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Carries out what aggregates stored in their outbox: publishes the events, in order per document, and applies the
 * timer changes, then removes both from the document. Nothing implied by a stored change is lost: a failed send
 * leaves the work where it is and the marker brings the relay back (with back-off for that document only, so one
 * failing document never holds up the others).
 *
 * <p>Two ways in: right after a write commits (the usual way, milliseconds), and a poll of the markers for what a
 * failure or a crash left behind, oldest first. Sends run off the database driver's threads with a bounded number of
 * documents in flight. After a write the relay works from the document as written, under the lease its marker got
 * when the write created it: no claim and no read, since those cost the store as much as the write itself.
 *
 * <p>Why nothing is lost and no event is sent twice in normal operation: a document is worked on only under its
 * marker's lease, and the removal increments the document's version. If the version was not the one read, a write
 * came in between: the relay keeps the marker and looks again (sent events are already gone, new ones get sent). A
 * save of a copy loaded before the removal fails its version check and is retried on fresh state, so it cannot write
 * sent events back. Every writer counts its write on the marker before writing, and the relay deletes the marker only
 * if that count did not move since its claim, so a write that lands after the relay's look keeps its marker. A crash
 * between a send and the removal sends that event again, which idempotent consumers absorb.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** A marker whose document does not exist yet may belong to an insert still on its way; after this it is stale. */
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;
    private final DurableTimers timers;
    private final Clock clock;
    private final Settings settings;
    private final PendingMarkers markers;
    private final Counter published;
    private final Counter failures;
    private final Counter timerChanges;
    private final AtomicLong backlog = new AtomicLong();
    /** Work handed over after writes; a stopped relay's sink is replaced, since it serves only one subscription. */
    private volatile Sinks.Many<Work> dispatches = newDispatches();
    /** Markers this instance leased while writing, waiting for their write to commit; by marker key. */
    private final Map<String, Document> leasedAtWrite = new ConcurrentHashMap<>();
    private final PollingLoop loop;
    private volatile Disposable dispatching;

    /** A document to relay: by marker key alone (claim, then read), or as just written under a lease already held. */
    private record Work(String key, Document leased, String collection, Document written) {
    }

    /**
     * @param pollInterval how often the relay looks for work a dispatch did not finish
     * @param maxInFlight  documents being relayed at once (each sends its events one after the other)
     */
    public record Settings(Duration pollInterval, int batchSize, int maxInFlight, Duration lease) {
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, DurableTimers timers, Settings settings,
                       MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.timers = timers;
        this.clock = clock;
        this.settings = settings;
        this.markers = new PendingMarkers(mongo, clock, settings.lease(), UUID.randomUUID().toString());
        this.published = Counter.builder("platform.outbox.published").description("Events the outbox relay handed to the broker").register(meters);
        this.failures = Counter.builder("platform.outbox.publish.failures").description("Outbox sends that failed and will be retried").register(meters);
        this.timerChanges = Counter.builder("platform.outbox.timer.changes").description("Timer changes the outbox relay applied").register(meters);
        Gauge.builder("platform.outbox.backlog", backlog, AtomicLong::get)
                .description("Aggregate documents with work not yet relayed, as of the last poll").register(meters);
        this.loop = new PollingLoop("Outbox relay", settings.pollInterval(), Flux.empty(), this::relayLeftovers);
    }

    private static Sinks.Many<Work> newDispatches() {
        return Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(10_000));
    }

    PendingMarkers markers() {
        return markers;
    }

    /**
     * Relays the document behind this marker soon, on the relay's own threads. If too much is in flight the request is
     * dropped: the marker stays and the poll picks it up.
     */
    public void dispatch(String markerKey) {
        emit(new Work(markerKey, null, null, null));
    }

    /** Before an aggregate write with pending work: its marker, leased here if this write creates it. */
    Mono<Void> beforeWrite(String collection, Object id) {
        String key = PendingMarkers.key(collection, id);
        return markers.ensure(collection, id).doOnNext(marker -> {
            if (markers.createdHere(marker)) {
                leasedAtWrite.put(key, marker);
            }
        }).then();
    }

    /** After the write committed: relays the document as written, under the lease taken before, else by its key. */
    void afterWrite(String collection, Document written) {
        String key = PendingMarkers.key(collection, written.get("_id"));
        Document leased = leasedAtWrite.remove(key);
        emit(leased == null ? new Work(key, null, null, null) : new Work(key, leased, collection, written));
    }

    private synchronized void emit(Work work) {
        if (dispatches.tryEmitNext(work).isFailure() && work.leased() != null) {
            // Too much in flight: give the lease back so the poll takes the document soon, not after the lease.
            markers.release(work.key(), null, false).subscribe(null,
                    error -> log.debug("Release of {} failed; its lease runs out instead", work.key()));
        }
    }

    /** One poll: relays every document whose marker is due, oldest first; completes with the events published. */
    public Mono<Long> relayLeftovers() {
        // A write that failed after its marker was leased never commits: forget its lease (it runs out by itself).
        Instant expired = clock.instant().minus(settings.lease());
        leasedAtWrite.values().removeIf(marker -> marker.getDate("leaseUntil").toInstant().isBefore(expired));
        return markers.count().doOnNext(backlog::set)
                .thenMany(markers.due(settings.pollInterval(), settings.batchSize()))
                .flatMap(marker -> relay(marker.getString("_id")), Math.max(1, settings.maxInFlight() / 4))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> relay(Work work) {
        if (work.leased() == null) {
            return relay(work.key());
        }
        return relayDocument(work.key(), work.leased(), work.collection(), work.written())
                .onErrorResume(error -> {
                    log.warn("Outbox relay of {} failed, will retry: {}", work.key(), error.toString());
                    return Mono.just(0L);
                });
    }

    /** Relays one document if its marker can be leased; completes with the number of events published. */
    Mono<Long> relay(String markerKey) {
        return markers.claim(markerKey)
                .flatMap(marker -> relayClaimed(markerKey, marker))
                .defaultIfEmpty(0L)
                .onErrorResume(error -> {
                    log.warn("Outbox relay of {} failed, will retry: {}", markerKey, error.toString());
                    return Mono.just(0L);
                });
    }

    private Mono<Long> relayClaimed(String key, Document marker) {
        String collection = marker.getString("collection");
        Object id = marker.get("docId");
        return mongo.findById(id, Document.class, collection)
                .flatMap(document -> relayDocument(key, marker, collection, document))
                .switchIfEmpty(Mono.defer(() -> {
                    // No document: an insert still on its way, or one that failed. Only an old marker is dropped.
                    Instant since = marker.getDate("since").toInstant();
                    return (since.isBefore(clock.instant().minus(ORPHAN_AGE)) ? finish(key, marker)
                            : markers.release(key, clock.instant().plus(settings.pollInterval()), false)).thenReturn(0L);
                }));
    }

    private Mono<Long> relayDocument(String key, Document marker, String collection, Document document) {
        Object id = document.get("_id");
        Object version = versionOf(document);
        List<PendingTimer> timerWork = document.getList(OutboxCarrier.TIMERS_FIELD, Document.class, List.of()).stream()
                .map(OutboxRelay::toPendingTimer).toList();
        List<PendingEvent> events = document.getList(OutboxCarrier.FIELD, Document.class, List.of()).stream()
                .map(OutboxRelay::toPendingEvent).toList();
        String mallId = document.getString("mallId");
        List<String> appliedTimers = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        Mono<Void> timersApplied = timerWork.isEmpty() ? Mono.empty()
                : timers.apply(mallId, timerWork).doOnSuccess(done -> {
                    timerWork.forEach(change -> appliedTimers.add(change.changeId()));
                    timerChanges.increment(timerWork.size());
                });
        Mono<Void> work = timersApplied
                .thenMany(Flux.fromIterable(events))
                .concatMap(event -> publisher.publish(event).doOnSuccess(done -> {
                    sent.add(event.eventId());
                    published.increment();
                }))
                .then();
        return work
                .then(Mono.defer(() -> removeDone(collection, id, sent, appliedTimers)))
                .flatMap(versionBefore -> Objects.equals(versionBefore, version)
                        ? finish(key, marker)
                        // A write came in between: look again at once; what was sent is already removed.
                        : again(key))
                .thenReturn((long) sent.size())
                .onErrorResume(error -> {
                    failures.increment();
                    int failed = marker.getInteger("failures", 0);
                    log.warn("Outbox relay of {} {} failed (attempt {}), will retry: {}", collection, id, failed + 1,
                            error.toString());
                    Instant retryAt = clock.instant().plus(backoff(failed));
                    return removeDone(collection, id, sent, appliedTimers)
                            .then(markers.release(key, retryAt, true))
                            .thenReturn((long) sent.size());
                });
    }

    /** Deletes the marker, or, if a writer announced another write since the claim, looks again at once. */
    private Mono<Void> finish(String key, Document marker) {
        return markers.done(key, marker).flatMap(deleted -> deleted ? Mono.<Void>empty() : again(key));
    }

    private Mono<Void> again(String key) {
        return markers.release(key, null, false).doOnSuccess(released -> dispatch(key));
    }

    /** Removes what was done and moves the version; completes with the version the document had just before. */
    private Mono<Object> removeDone(String collection, Object id, List<String> sent, List<String> appliedTimers) {
        var update = new Update().inc("version", 1);
        if (!sent.isEmpty()) {
            update.pull(OutboxCarrier.FIELD, Query.query(Criteria.where("eventId").in(sent)).getQueryObject());
        }
        if (!appliedTimers.isEmpty()) {
            update.pull(OutboxCarrier.TIMERS_FIELD, Query.query(Criteria.where("changeId").in(appliedTimers)).getQueryObject());
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                        FindAndModifyOptions.options().returnNew(false), Document.class, collection)
                .map(OutboxRelay::versionOf);
    }

    private static Object versionOf(Document document) {
        Object version = document.get("version");
        return version instanceof Number number ? number.longValue() : "none";
    }

    private Duration backoff(int failures) {
        Duration next = settings.pollInterval().multipliedBy(1L << Math.min(failures, 10));
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    static PendingEvent toPendingEvent(Document d) {
        var time = d.getDate("time");
        return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("subject"), d.getString("mallId"), d.getString("correlationId"),
                time == null ? null : time.toInstant(), d.getString("data"));
    }

    @SuppressWarnings("unchecked")
    static PendingTimer toPendingTimer(Document d) {
        var due = d.getDate("dueAt");
        Map<String, String> data = d.get("data") instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
        return new PendingTimer(d.getString("changeId"), d.getString("timerId"), d.getString("kind"),
                d.getString("subject"), due == null ? null : due.toInstant(), data);
    }

    @Override
    public void start() {
        markers.createIndexes().block(Duration.ofSeconds(30));
        dispatching = dispatches.asFlux().flatMap(this::relay, settings.maxInFlight()).subscribe();
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
        Disposable current = dispatching;
        if (current != null) {
            current.dispose();
            // Work handed over from now on waits for the next start (or, if none comes, for another relay's poll).
            dispatches = newDispatches();
        }
        dispatching = null;
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
