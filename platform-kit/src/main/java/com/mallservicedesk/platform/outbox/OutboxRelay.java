package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.platform.store.CounterMove;
import com.mallservicedesk.platform.store.CounterMoves;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.PendingTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Carries out what aggregates stored in their outbox: applies the counter moves and the timer changes, publishes the
 * events, in order per document, then removes all of it from the document. Nothing implied by a stored change is lost:
 * a failed send leaves the work where it is, and the document's relay state brings the relay back (with back-off for
 * that document only, so one failing document never holds up the others).
 *
 * <p>Two ways in: right after a write commits (the usual way, milliseconds), and a poll of the documents whose
 * pending work is due ({@link PendingDocuments}), for what a failure or a crash left behind, oldest first. Sends run
 * off the database driver's threads with a bounded number of documents in flight. After a write the relay works from
 * the document as written, under the lease the write itself stored: no claim and no read. When nothing else came in,
 * one more write finishes the document: the relay's whole cost is that one write.
 *
 * <p>Why nothing is lost and no event is sent twice in normal operation: a document is worked on only under its lease,
 * and every change of the relay's state and every removal moves the document's version. A writer keeps a lease it
 * loaded, and the holder sees the version move when it finishes: it removes what it sent and carries on with what
 * came in. A save of a copy loaded before a removal fails its version check and is retried on fresh state, so it
 * cannot write sent events back. A crash between a send and the removal sends that event again, which idempotent
 * consumers absorb; a counter move applied again changes nothing ({@link CounterMoves}), and a relay removes moves only
 * while its lease holds the document, and applies them only with a third of the lease left at least.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;
    private final DurableTimers timers;
    private final CounterMoves counterMoves;
    private final Clock clock;
    private final Settings settings;
    private final PendingDocuments pending;
    private final LegacyMarkers legacyMarkers;
    private final Counter published;
    private final Counter failures;
    private final Counter timerChanges;
    private final AtomicLong backlog = new AtomicLong();
    /** Collections of outbox carriers: from the mapping at start, and from every write since. */
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    /** Work handed over after writes; a stopped relay's sink is replaced, since it serves only one subscription. */
    private volatile Sinks.Many<Work> dispatches = newDispatches();
    /**
     * Leases taken by writes, waiting for their write to commit; by token, so that the lease of a write that failed
     * (a version conflict, retried with a lease kept from the state it then loads) is never mistaken for another's.
     */
    private final Map<String, RelayState> leasedAtWrite = new ConcurrentHashMap<>();
    private final PollingLoop loop;
    private volatile Disposable dispatching;

    /** A document as written or claimed, under a lease of this relay's. */
    private record Work(String collection, Document document) {
    }

    /**
     * @param pollInterval how often the relay looks for work a dispatch did not finish
     * @param maxInFlight  documents being relayed at once (each sends its events one after the other)
     */
    public record Settings(Duration pollInterval, int batchSize, int maxInFlight, Duration lease) {
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, DurableTimers timers,
                       CounterMoves counterMoves, Settings settings, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.timers = timers;
        this.counterMoves = counterMoves;
        this.clock = clock;
        this.settings = settings;
        this.pending = new PendingDocuments(mongo, clock, settings.lease());
        this.legacyMarkers = new LegacyMarkers(mongo, clock);
        this.published = Counter.builder("platform.outbox.published").description("Events the outbox relay handed to the broker").register(meters);
        this.failures = Counter.builder("platform.outbox.publish.failures").description("Outbox sends that failed and will be retried").register(meters);
        this.timerChanges = Counter.builder("platform.outbox.timer.changes").description("Timer changes the outbox relay applied").register(meters);
        Gauge.builder("platform.outbox.backlog", backlog, AtomicLong::get)
                .description("Aggregate documents with work not yet relayed, as of the last poll").register(meters);
        this.collections.addAll(carrierCollections());
        this.loop = new PollingLoop("Outbox relay", settings.pollInterval(), Flux.empty(), this::relayLeftovers);
    }

    private static Sinks.Many<Work> newDispatches() {
        return Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(10_000));
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    /**
     * Before an aggregate write: stores the relay's state with the pending work (a lease for the relay after this
     * write, unless another relay holds the document or a back-off runs), or removes it when nothing is pending.
     */
    void beforeWrite(String collection, OutboxCarrier carrier, Document document) {
        collections.add(collection);
        if (!carrier.hasPendingWork()) {
            PendingDocuments.clear(document);
            return;
        }
        RelayState loaded = carrier.getRelay();
        RelayState stored = pending.onWrite(loaded);
        PendingDocuments.store(document, stored);
        if (stored != loaded) {
            leasedAtWrite.put(stored.holder(), stored);
        }
    }

    /** After the write committed: relays the document as written if the write took the lease for it. */
    void afterWrite(String collection, Document written) {
        String holder = PendingDocuments.holderOf(written);
        if (holder != null && leasedAtWrite.remove(holder) != null) {
            emit(new Work(collection, written));
        }
    }

    private synchronized void emit(Work work) {
        if (dispatches.tryEmitNext(work).isFailure()) {
            // Too much in flight: give the lease back so the poll takes the document soon, not after the lease.
            Document document = work.document();
            RelayState state = PendingDocuments.stateOf(document);
            pending.release(work.collection(), document.get("_id"), state.holder(), clock.instant(), state.failures())
                    .subscribe(null, error -> log.debug("Release of {} failed; its lease runs out instead",
                            key(work.collection(), document.get("_id"))));
        }
    }

    /** One poll: relays every document whose pending work is due, oldest first; completes with the events published. */
    public Mono<Long> relayLeftovers() {
        // A write that failed after it took a lease never commits: forget the lease (it runs out by itself).
        Instant expired = clock.instant().minus(settings.lease());
        leasedAtWrite.values().removeIf(lease -> lease.until().isBefore(expired));
        var counted = new AtomicLong();
        return legacyMarkers.migrate(collections)
                .thenMany(Flux.fromIterable(collections))
                .concatMap(collection -> pending.pending(collection, settings.batchSize()).collectList()
                        .flatMapMany(found -> (found.size() < settings.batchSize() ? Mono.just((long) found.size())
                                : pending.count(collection))
                                .doOnNext(counted::addAndGet)
                                .thenMany(Flux.fromIterable(found))
                                .filter(pending::isDue)
                                .map(document -> new Work(collection, document))))
                .flatMap(this::claimAndRelay, Math.max(1, settings.maxInFlight() / 4))
                .reduce(0L, Long::sum)
                .doOnSuccess(sent -> backlog.set(counted.get()));
    }

    private Mono<Long> claimAndRelay(Work seen) {
        return pending.claim(seen.collection(), seen.document())
                .flatMap(claimed -> relay(new Work(seen.collection(), claimed)))
                .defaultIfEmpty(0L);
    }

    private Mono<Long> relay(Work work) {
        return relayDocument(work.collection(), work.document()).onErrorResume(error -> {
            log.warn("Outbox relay of {} failed, will retry: {}", key(work.collection(), work.document().get("_id")),
                    error.toString());
            return Mono.just(0L);
        });
    }

    /**
     * Carries out the document's pending work under this relay's lease: counter moves, timer changes, then events;
     * completes with the events published.
     */
    private Mono<Long> relayDocument(String collection, Document document) {
        Object id = document.get("_id");
        RelayState state = PendingDocuments.stateOf(document);
        List<CounterMove> moves = document.getList(OutboxCarrier.COUNTS_FIELD, Document.class, List.of()).stream()
                .map(OutboxRelay::toCounterMove).toList();
        if (!moves.isEmpty() && !wellWithin(state)) {
            // A move applied after the lease ran out could meet its counters after another relay applied it, removed
            // it and let its note go, and count twice. Take the document again with a fresh lease instead.
            return pending.release(collection, id, state.holder(), clock.instant(), state.failures()).thenReturn(0L);
        }
        List<PendingTimer> timerWork = document.getList(OutboxCarrier.TIMERS_FIELD, Document.class, List.of()).stream()
                .map(OutboxRelay::toPendingTimer).toList();
        List<PendingEvent> events = document.getList(OutboxCarrier.FIELD, Document.class, List.of()).stream()
                .map(OutboxRelay::toPendingEvent).toList();
        String mallId = document.getString("mallId");
        List<CounterMove> appliedMoves = new ArrayList<>();
        List<String> appliedTimers = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        Mono<Void> movesApplied = moves.isEmpty() ? Mono.empty()
                : counterMoves.apply(moves).doOnSuccess(done -> appliedMoves.addAll(moves));
        Mono<Void> timersApplied = timerWork.isEmpty() ? Mono.empty()
                : timers.apply(mallId, timerWork).doOnSuccess(done -> {
                    timerWork.forEach(change -> appliedTimers.add(change.changeId()));
                    timerChanges.increment(timerWork.size());
                });
        Mono<Void> work = movesApplied
                .then(timersApplied)
                .thenMany(Flux.fromIterable(events))
                .concatMap(event -> publisher.publish(event).doOnSuccess(done -> {
                    sent.add(event.eventId());
                    published.increment();
                }))
                .then();
        return work
                .then(Mono.defer(() -> pending.finish(collection, id, document.get("version"),
                        removal(sent, appliedTimers, appliedMoves))))
                .flatMap(finished -> finished ? Mono.fromRunnable(() -> counterMoves.removed(appliedMoves))
                                .thenReturn((long) sent.size())
                        // A write came in between: remove what was done, and carry on with what came in.
                        : pending.remove(collection, id, state.holder(), removal(sent, appliedTimers, appliedMoves))
                                .doOnNext(now -> counterMoves.removed(appliedMoves))
                                .flatMap(now -> relayDocument(collection, now))
                                .map(more -> sent.size() + more)
                                .defaultIfEmpty((long) sent.size()))
                .onErrorResume(error -> {
                    failures.increment();
                    log.warn("Outbox relay of {} {} failed (attempt {}), will retry: {}", collection, id,
                            state.failures() + 1, error.toString());
                    Instant retryAt = clock.instant().plus(backoff(state.failures()));
                    Mono<?> removed = sent.isEmpty() && appliedTimers.isEmpty() && appliedMoves.isEmpty() ? Mono.empty()
                            : pending.remove(collection, id, state.holder(), removal(sent, appliedTimers, appliedMoves))
                                    .doOnNext(now -> counterMoves.removed(appliedMoves));
                    return removed.then(pending.release(collection, id, state.holder(), retryAt, state.failures() + 1))
                            .thenReturn((long) sent.size());
                });
    }

    /** Whether a third of the lease is left at least: time enough for a write to reach the store within it. */
    private boolean wellWithin(RelayState lease) {
        return lease != null && lease.until().isAfter(clock.instant().plus(settings.lease().dividedBy(3)));
    }

    /** Removes what was done and moves the version. */
    private static Update removal(List<String> sent, List<String> appliedTimers, List<CounterMove> appliedMoves) {
        var update = new Update().inc("version", 1);
        if (!sent.isEmpty()) {
            update.pull(OutboxCarrier.FIELD, Query.query(Criteria.where("eventId").in(sent)).getQueryObject());
        }
        if (!appliedTimers.isEmpty()) {
            update.pull(OutboxCarrier.TIMERS_FIELD, Query.query(Criteria.where("changeId").in(appliedTimers)).getQueryObject());
        }
        if (!appliedMoves.isEmpty()) {
            update.pull(OutboxCarrier.COUNTS_FIELD, Query.query(Criteria.where("moveId")
                    .in(appliedMoves.stream().map(CounterMove::moveId).toList())).getQueryObject());
        }
        return update;
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

    static CounterMove toCounterMove(Document d) {
        Document from = d.get("from", Document.class);
        return new CounterMove(d.getString("moveId"), d.getString("counters"),
                from == null ? null : new LinkedHashMap<>(from), new LinkedHashMap<>(d.get("to", Document.class)));
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
        Flux.fromIterable(collections).concatMap(pending::createIndex).then().block(Duration.ofSeconds(30));
        dispatching = dispatches.asFlux().flatMap(this::relay, settings.maxInFlight()).subscribe();
        loop.start();
    }

    /** The collections of the outbox carriers the mapping knows (Spring Boot gives it every {@code @Document} at start). */
    private Set<String> carrierCollections() {
        Set<String> found = new HashSet<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (OutboxCarrier.class.isAssignableFrom(entity.getType())) {
                found.add(entity.getCollection());
            }
        }
        return found;
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
