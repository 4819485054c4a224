package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The one way to create and change an aggregate of one mall. Every read goes by {@code _id} (with the mall, so another
 * mall's id is simply not found). A change is load, apply, save: the aggregate's method changes its state and returns
 * the events the change caused, which are stored in the same write (the outbox); if another writer saved in between,
 * the version check fails and the whole change runs again on fresh state, with one retry policy for every aggregate.
 *
 * <p>An optional step before every save ({@link #beforeSave}) lets a service derive more from the new state in the
 * same write, for example the deadlines its timers should have; one more ({@link #countedIn}) stores how the change
 * moves the aggregate between the counters of its state.
 */
public final class AggregateStore<T extends OutboxCarrier> {

    /**
     * How long a change keeps retrying on concurrent writes before it gives up. A budget of time rather than of
     * attempts: under load a dozen writers to one aggregate (a busy work order) may each need more than ten turns,
     * and a count that was enough on a quiet machine failed a change on a busy one.
     */
    static final Duration CONFLICT_BUDGET = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    private final Class<T> type;
    private final String resource;
    private final Function<T, Mono<T>> beforeSave;
    private final Counting<T> counting;

    /** The counters the aggregates are counted in, and the labels of an aggregate's state. */
    private record Counting<T>(StateCounters counters, Function<T, Map<String, ?>> labels) {
    }

    AggregateStore(ReactiveMongoTemplate mongo, EventFactory events, Class<T> type, String resource,
                   Function<T, Mono<T>> beforeSave, Counting<T> counting) {
        this.mongo = mongo;
        this.events = events;
        this.type = type;
        this.resource = resource;
        this.beforeSave = beforeSave;
        this.counting = counting;
    }

    /** The same store with a step that runs on every aggregate just before it is written. */
    public AggregateStore<T> beforeSave(Function<T, Mono<T>> step) {
        return new AggregateStore<>(mongo, events, type, resource, step, counting);
    }

    /**
     * The same store, counting its aggregates by state in {@code counters} ({@link StateCounted}): every write stores the
     * move its change causes, after the other step before saving.
     */
    public AggregateStore<T> countedIn(StateCounters counters, Function<T, Map<String, ?>> labels) {
        if (!StateCounted.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getSimpleName() + " does not keep where it is counted");
        }
        return new AggregateStore<>(mongo, events, type, resource, beforeSave, new Counting<>(counters, labels));
    }

    /** The aggregate, or a 404 problem naming the resource. */
    public Mono<T> find(String mallId, String id) {
        return findIfPresent(mallId, id).switchIfEmpty(Mono.error(() -> ApiException.notFound(resource, id)));
    }

    public Mono<T> findIfPresent(String mallId, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("mallId").is(mallId)), type)
                .doOnNext(this::loaded);
    }

    /** One stored before it kept where it is counted was counted under its state as stored. */
    private void loaded(T aggregate) {
        if (counting != null && aggregate instanceof StateCounted counted && counted.getCountedAs() == null) {
            counted.setCountedAs(StateCounters.stored(counting.labels().apply(aggregate)));
        }
    }

    /**
     * Stores a new aggregate with the events of its creation, once: if an aggregate with its id exists (a redelivered
     * event, a retried command), completes empty and changes nothing.
     */
    public Mono<T> create(Created<T> created) {
        T aggregate = created.aggregate();
        addEvents(aggregate, created.events());
        return beforeSave.apply(aggregate)
                .map(this::counted)
                .flatMap(mongo::insert)
                .onErrorResume(DuplicateKeyException.class, exists -> Mono.empty());
    }

    /** Applies the change to the mall's aggregate; a 404 problem if there is none. */
    public Mono<T> change(String mallId, String id, Function<T, ? extends List<? extends DomainEvent>> change) {
        return retried(() -> find(mallId, id).flatMap(aggregate -> apply(aggregate, change)));
    }

    /** Applies the change if the mall has the aggregate, else completes empty: for changes caused by events and timers. */
    public Mono<T> changeIfPresent(String mallId, String id, Function<T, ? extends List<? extends DomainEvent>> change) {
        return retried(() -> findIfPresent(mallId, id).flatMap(aggregate -> apply(aggregate, change)));
    }

    /** Runs the attempt again on fresh state after a concurrent write, for up to the budget from subscription. */
    private Mono<T> retried(Supplier<Mono<T>> attempt) {
        return Mono.defer(() -> Mono.defer(attempt).retryWhen(onConflict()));
    }

    /** Short, jittered back-off so that concurrent writers take turns, for up to the budget from the first try. */
    private static RetryBackoffSpec onConflict() {
        long giveUpAt = System.nanoTime() + CONFLICT_BUDGET.toNanos();
        return Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(200))
                .jitter(0.5)
                .filter(error -> error instanceof OptimisticLockingFailureException && System.nanoTime() < giveUpAt);
    }

    private Mono<T> apply(T aggregate, Function<T, ? extends List<? extends DomainEvent>> change) {
        addEvents(aggregate, change.apply(aggregate));
        return beforeSave.apply(aggregate).map(this::counted).flatMap(mongo::save);
    }

    private T counted(T aggregate) {
        if (counting != null) {
            counting.counters().count((StateCounted) aggregate, counting.labels().apply(aggregate));
        }
        return aggregate;
    }

    private void addEvents(T aggregate, List<? extends DomainEvent> caused) {
        aggregate.getOutbox().addAll(events.pending(aggregate.getMallId(), aggregate.getId(), aggregate.correlationId(),
                caused));
    }
}
