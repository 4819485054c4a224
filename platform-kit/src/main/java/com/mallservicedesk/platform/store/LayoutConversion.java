package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Brings stored documents of an earlier layout to the current one at start, before the service consumes events: a
 * lower phase than the listener containers' (spring-kafka's default is {@code Integer.MAX_VALUE - 100}), because an
 * event handled in the new layout beside documents still in the old one would be counted or linked wrongly. A
 * subclass says what {@link #convert()} does; it must be safe to run again and on two instances at once. A conversion
 * that only lets a list be read faster may {@linkplain #runsInBackground run behind a service already serving}.
 */
public abstract class LayoutConversion implements SmartLifecycle {

    /** Where conversions that leave nothing of their own to find note that they ran to the end, by name. */
    public static final String DONE = "layout_conversions";

    private static final Duration AT_MOST = Duration.ofMinutes(10);

    private static final Logger progress = LoggerFactory.getLogger(LayoutConversion.class);
    /** How many documents a keying scan converts between two lines of progress in the log. */
    private static final long PROGRESS_EVERY = 10_000;
    /** How many documents a keying scan reads at once, by {@code _id}. */
    static final int SCAN_PAGE = 500;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private volatile boolean running;
    private volatile boolean converted;
    private volatile Disposable background;

    /** Converts what is left in the earlier layout; how many documents it converted. */
    protected abstract Mono<Long> convert();

    /**
     * Runs a conversion once: one that gives stored documents a field (a scan of their collection) leaves nothing
     * that tells a later start it ran, so a document named {@code name} in {@value #DONE} does, written after the
     * conversion completed. A start that stops midway runs it again, which the conversion must allow anyway.
     */
    protected static Mono<Long> once(ReactiveMongoTemplate mongo, String name, Mono<Long> conversion) {
        return mongo.exists(Query.query(Criteria.where("_id").is(name)), DONE)
                .flatMap(done -> done ? Mono.just(0L) : conversion.flatMap(converted -> InsertOnce.into(mongo,
                        new Document("_id", name).append("at", new Date()), DONE).thenReturn(converted)));
    }

    /** {@link #keyed(ReactiveMongoTemplate, Class, Map, Supplier)} for one key. */
    protected static <T extends OutboxCarrier> Mono<Long> keyed(ReactiveMongoTemplate mongo, Class<T> type, String field,
                                                                 Supplier<Criteria> belongs, Function<T, String> key) {
        return keyed(mongo, type, Map.of(field, key), belongs);
    }

    /**
     * Gives each stored aggregate that {@code belongs} selects the keys it has not got yet, each derived from it (a
     * scan, for {@link #once}; several keys share the scan): each write is conditioned on the aggregate still belonging
     * and still lacking that key, so it neither keys an aggregate that left meanwhile nor overwrites a key its own save
     * stored. How many aggregates it keyed. The scan reads {@value #SCAN_PAGE} at a time in {@code _id} order: the local
     * store gathers a query's whole answer in its heap before the first batch, and a single query for every request of
     * a large store ran it out of memory.
     */
    protected static <T extends OutboxCarrier> Mono<Long> keyed(ReactiveMongoTemplate mongo, Class<T> type,
                                                                 Map<String, Function<T, String>> keys,
                                                                 Supplier<Criteria> belongs) {
        Criteria[] missing = keys.keySet().stream().map(field -> Criteria.where(field).exists(false))
                .toArray(Criteria[]::new);
        Supplier<Criteria> unkeyed = () -> keys.size() == 1
                ? belongs.get().and(keys.keySet().iterator().next()).exists(false)
                : belongs.get().orOperator(missing);
        // Ids are strings: the first page starts after the least of them.
        Function<String, Mono<List<T>>> pageAfter = after -> mongo.find(Query.query(unkeyed.get().and("_id").gt(after))
                .with(Sort.by("_id")).limit(SCAN_PAGE), type).collectList();
        String names = String.join(", ", keys.keySet());
        return pageAfter.apply("")
                .expand(page -> page.size() < SCAN_PAGE ? Mono.empty()
                        : pageAfter.apply(page.get(page.size() - 1).getId()))
                .concatMapIterable(page -> page)
                .concatMap(found -> Flux.fromIterable(keys.entrySet())
                        .concatMap(key -> Mono.justOrEmpty(key.getValue().apply(found))
                                .flatMap(value -> mongo.updateFirst(Query.query(belongs.get().and("_id")
                                        .is(found.getId()).and(key.getKey()).exists(false)),
                                        Update.update(key.getKey(), value), type)))
                        // Every key's write, then whether any of them keyed it (any() would cancel the rest).
                        .filter(result -> result.getModifiedCount() > 0)
                        .count()
                        .map(written -> written > 0))
                .filter(keyed -> keyed)
                .index()
                .doOnNext(done -> {
                    if ((done.getT1() + 1) % PROGRESS_EVERY == 0) {
                        progress.info("Giving {} their {}: {} so far", type.getSimpleName(), names, done.getT1() + 1);
                    }
                })
                .count();
    }

    /** What the log says once documents were converted, with {@code {}} for their number. */
    protected abstract String convertedMessage();

    /**
     * Whether the service may serve while the conversion runs, instead of starting once it is done. Only for a
     * conversion whose readers ask {@link #converted()} and read the earlier way until then (a key that lets a list be
     * read by range): on a large store such a scan takes minutes, and nothing is wrong meanwhile, only slower. It is
     * tried again, with back-off, until it succeeds.
     */
    protected boolean runsInBackground() {
        return false;
    }

    /** Whether this instance saw the conversion through: at this start, or found it noted as done by an earlier one. */
    public boolean converted() {
        return converted;
    }

    @Override
    public void start() {
        if (runsInBackground()) {
            background = convert()
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                            .doBeforeRetry(failed -> log.warn("Conversion stopped, trying again: {}",
                                    failed.failure().toString())))
                    .subscribe(this::finished);
        } else {
            finished(convert().block(AT_MOST));
        }
        running = true;
    }

    private void finished(Long count) {
        if (count != null && count > 0) {
            log.info(convertedMessage(), count);
        }
        converted = true;
    }

    @Override
    public void stop() {
        if (background != null) {
            background.dispose();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
