package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.ReactiveAfterSaveCallback;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The free-text index of the reception log: per mall, block of request numbers and token
 * ({@code request_search_tokens}, {@link TokenPostings}) the requests whose number, description, customer name or
 * category contain the token ({@link SearchTokens}), of which a search ({@link TokenSearch}) reads the newest
 * {@value TokenSearch#MAX_IDS} per token at most. A text query then reads documents by key and the candidate requests
 * by id, instead of matching a pattern against every request: the embedded MongoDB-wire server uses nothing but
 * {@code _id} and unique indexes, so any other query reads the whole collection. Real MongoDB could use a text index,
 * but its tokeniser splits on spaces and leaves a Chinese sentence as one word, so it would still need these bigrams.
 *
 * <p>Kept current after every write of a request (a save callback, whoever writes it), but off the request's path: a
 * registration only queues its text, and one indexer thread writes what has queued up in one batch: an entry per
 * request. Posting a request's fifty-odd tokens on its own path cost more store writes than the whole registration.
 * Between batches the indexer folds a few of the blocks completed or found closed by searches. A request whose text
 * did not change since it was indexed ({@code request_search_docs}, keyed by request id, holds a hash of the text)
 * costs one read in the batch. Entries and postings are written before that hash, so a failure between them is
 * repaired by the next write. A search sees a new request a few milliseconds after its {@code 201} on a quiet
 * platform, and some seconds later under full load ({@code msd_intake_search_index_lag_seconds}). A batch the store
 * did not take is kept and written again first, after a pause ({@link BatchWriter}). A text that does not fit in the
 * queue, and what was queued when the process died (the requests made in the last {@value #REINDEX_MINUTES} minutes
 * before a start), are indexed again by walking the requests by id ({@link IndexCatchUp}). A store without an index in
 * the current layout
 * (requests stored before the index existed, or indexed in an earlier layout) is indexed anew once, by the indexer
 * thread before anything else, with its progress logged; two instances starting together on such a store both build
 * it, to the same result.
 */
@Component
class RequestTextIndex implements ReactiveAfterSaveCallback<ServiceRequest>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestTextIndex.class);

    static final String TOKENS = "request_search_tokens";
    static final String DOCS = "request_search_docs";
    /**
     * Set once every stored request is indexed in the current layout of the postings (an entry per request, folded
     * into postings per block of request numbers, see {@link TokenPostings}). Without it (a new store, or one indexed
     * in an earlier layout) the index is built anew.
     */
    static final String INDEXED_ALL = "~indexed-all-entries-folded";
    /** At start, requests made this recently are walked again by id: whatever a crash left in the queue. */
    static final int REINDEX_MINUTES = 10;
    /** Texts waiting for the indexer; beyond this a save queues nothing and the request is walked by id later. */
    private static final int MAX_QUEUED = 50_000;
    private static final int MAX_BATCH = 500;
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(1);
    /** A build of the whole index logs its progress every this many requests. */
    private static final int BUILD_PROGRESS_EVERY = 20_000;

    /** A request's searchable text as it was saved (at {@code savedAt}): its number and its other texts. */
    private record Queued(String mallId, String requestId, String number, String[] texts, Instant savedAt) {

        static Queued of(ServiceRequest r, Instant savedAt) {
            String[] texts = textsOf(r);
            return new Queued(r.getMallId(), r.getId(), r.getNumber(), Arrays.copyOfRange(texts, 1, texts.length),
                    savedAt);
        }
    }

    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    /** Texts queued or being written: a search on this instance waits a moment for them (read your own writes). */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Clock clock;
    private final TokenPostings postings;
    private final TokenSearch search;
    private final IndexCatchUp catchUp;
    /** From a request's save to its text in the index, for the oldest text of each batch written. */
    private final Timer lag;
    private volatile Thread indexer;

    /** Looked up when first used: the template's mapping collects save callbacks like this one when it is built. */
    private final ObjectProvider<ReactiveMongoTemplate> template;
    private volatile boolean running;

    RequestTextIndex(ObjectProvider<ReactiveMongoTemplate> template, ObjectProvider<RequestNumbers> numbers,
                     Clock clock, MeterRegistry meters) {
        this.template = template;
        this.clock = clock;
        this.postings = new TokenPostings(this::mongo, TOKENS, clock);
        this.search = new TokenSearch(this::mongo, numbers::getObject, postings, TOKENS);
        this.catchUp = new IndexCatchUp(this::mongo, DOCS, MAX_BATCH, this::indexStored);
        Gauge.builder("msd.intake.search.index.waiting", unwritten, AtomicInteger::get)
                .description("Saved requests whose text the free-text index has not taken yet").register(meters);
        this.lag = Timer.builder("msd.intake.search.index.lag")
                .description("From a request's save to its text in the free-text index (the oldest of each batch)")
                .register(meters);
    }

    private ReactiveMongoTemplate mongo() {
        return template.getObject();
    }

    @Override
    public Publisher<ServiceRequest> onAfterSave(ServiceRequest request, Document document, String collection) {
        unwritten.incrementAndGet();
        if (!queue.offer(Queued.of(request, clock.instant()))) {
            unwritten.decrementAndGet();
            if (indexAgainFrom(request.getId())) {
                log.warn("Search index queue full ({} texts): request {} and those after it are indexed when the "
                        + "indexer has caught up, walked by id", MAX_QUEUED, request.getId());
            }
        }
        return Mono.just(request);
    }

    /**
     * Every request from this id on is indexed again, a page at a time between the batches.
     *
     * @return whether this began a walk
     */
    boolean indexAgainFrom(String requestId) {
        return catchUp.missed(requestId);
    }

    /**
     * Completes once what this instance saved so far is in the index, or after {@code atMost}: a front-desk search
     * right after a registration finds it. Under heavy load the wait is cut short and the search may miss the newest.
     */
    Mono<Void> settled(Duration atMost) {
        if (unwritten.get() == 0) {
            return Mono.empty();
        }
        return Flux.interval(Duration.ofMillis(5)).filter(tick -> unwritten.get() == 0).next()
                .timeout(atMost, Mono.just(0L)).then();
    }

    /** Indexes one batch: the last queued text of each request, whose text changed since it was indexed. */
    Mono<Void> index(List<Queued> batch) {
        Map<String, Queued> latest = new LinkedHashMap<>();
        batch.forEach(queued -> latest.put(queued.requestId(), queued));
        Map<String, String> hashes = new HashMap<>();
        latest.values().forEach(queued -> hashes.put(queued.requestId(), hashOf(queued)));
        return mongo().find(Query.query(Criteria.where("_id").in(latest.keySet())), Document.class, DOCS)
                .collectMap(d -> d.getString("_id"), d -> String.valueOf(d.getString("hash")))
                .flatMap(indexed -> {
                    List<Queued> changed = latest.values().stream()
                            .filter(queued -> !hashes.get(queued.requestId()).equals(indexed.get(queued.requestId())))
                            .toList();
                    if (changed.isEmpty()) {
                        return Mono.<Void>empty();
                    }
                    return post(changed).then(Mono.defer(() -> {
                        var bulk = mongo().bulkOps(BulkOperations.BulkMode.UNORDERED, DOCS);
                        changed.forEach(queued -> bulk.upsert(Query.query(Criteria.where("_id").is(queued.requestId())),
                                new Update().set("hash", hashes.get(queued.requestId())).set("mallId", queued.mallId())));
                        return bulk.execute().then();
                    }));
                });
    }

    /** The postings of the requests, in one write. */
    private Mono<Void> post(List<Queued> requests) {
        return postings.post(requests.stream().map(queued -> new TokenPostings.Indexed(queued.mallId(),
                queued.requestId(), queued.number(), SearchTokens.ofRequest(queued.mallId(), queued.number(),
                        queued.texts()))).toList());
    }

    /** The indexer thread: waits for the first text, takes what else has queued, writes the batch. */
    private void indexQueued() {
        new BatchWriter<>(queue, MAX_BATCH, BATCH_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(30))
                .run(() -> running, this::indexTimed, this::betweenBatches, written -> unwritten.addAndGet(-written));
    }

    /**
     * After each batch, and each second the queue stays empty: a few of the blocks due to be folded, then, while few
     * texts wait, a page of the requests to index again ({@link IndexCatchUp}).
     */
    private Mono<Void> betweenBatches() {
        return postings.foldSome().then(Mono.defer(() -> queue.size() < MAX_BATCH ? catchUp.step() : Mono.empty()));
    }

    private Mono<Void> indexTimed(List<Queued> batch) {
        return index(batch).doOnSuccess(done -> {
            Duration waited = Duration.between(batch.get(0).savedAt(), clock.instant());
            lag.record(waited.isNegative() ? Duration.ZERO : waited);
        });
    }

    /** The ids of the mall's requests that may contain {@code text} (any text that is not blank has a token). */
    Mono<Set<String>> candidates(String mallId, String text) {
        Set<String> tokens = SearchTokens.ofQuery(mallId, text);
        return tokens.isEmpty() ? Mono.just(Set.of()) : search.candidates(mallId, tokens);
    }

    static String[] textsOf(ServiceRequest r) {
        return new String[] {r.getNumber(), r.getDescription(), r.getCustomer() == null ? null : r.getCustomer().name(),
                r.getCategory()};
    }

    /** Whether the indexed text changed: a digest of the texts, each with its length so boundaries count. */
    private static String hashOf(Queued queued) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> texts = new ArrayList<>();
            texts.add(queued.number());
            texts.addAll(Arrays.asList(queued.texts()));
            for (String text : texts) {
                String t = text == null ? "" : text;
                digest.update((t.length() + ":" + t + "|").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * At start: the requests made in the last minutes, whose texts a crash may have left in the queue, and those a
     * walk of an earlier run had still to index, are walked by id between the batches ({@link IndexCatchUp}); or, once,
     * every stored request goes into a new index, when the store has none in the current layout (a scan at that start
     * only; an index in an earlier layout is dropped first).
     */
    Mono<Void> indexAtStart() {
        return mongo().findById(INDEXED_ALL, Document.class, DOCS).hasElement().flatMap(current -> {
            if (current) {
                // Ids carry the system's time, whatever the service's clock says.
                return catchUp.resume(TimeOrderedIds.lowestMadeAt(Instant.now().minus(
                        Duration.ofMinutes(REINDEX_MINUTES))));
            }
            return mongo().count(new Query(), ServiceRequest.class).flatMap(total -> {
                log.info("Building the free-text index of all {} stored requests", total);
                LongConsumer progress = done -> {
                    if (done / BUILD_PROGRESS_EVERY > (done - MAX_BATCH) / BUILD_PROGRESS_EVERY) {
                        log.info("Free-text index: {} of {} requests indexed", done, total);
                    }
                };
                return mongo().dropCollection(TOKENS).then(mongo().dropCollection(DOCS))
                        .then(index(mongo().find(new Query(), ServiceRequest.class), progress))
                        .then(InsertOnce.into(mongo(), new Document("_id", INDEXED_ALL), DOCS).then())
                        .doOnSuccess(done -> log.info("Free-text index built: {} requests", total));
            });
        });
    }

    /** Indexes the requests a batch at a time, telling {@code progress} how many are done after each batch. */
    private Mono<Void> index(Flux<ServiceRequest> requests, LongConsumer progress) {
        AtomicLong done = new AtomicLong();
        return requests.buffer(MAX_BATCH)
                .concatMap(batch -> indexStored(batch).doOnSuccess(indexed -> progress.accept(done.addAndGet(batch.size()))))
                .then();
    }

    /** Indexes requests as they are stored (read back, not queued by a save). */
    private Mono<Void> indexStored(List<ServiceRequest> requests) {
        return index(requests.stream().map(request -> Queued.of(request, clock.instant())).toList());
    }

    /**
     * Starts the indexer thread. It first indexes what {@link #indexAtStart} finds, retrying while the store is away,
     * so a long build never holds up the service's start; searches meanwhile find what is indexed so far.
     */
    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(() -> {
            indexAtStartUntilDone();
            indexQueued();
        }, "request-search-indexer");
        thread.setDaemon(true);
        thread.start();
        indexer = thread;
    }

    private void indexAtStartUntilDone() {
        var whileRunning = Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                .filter(error -> running)
                .doBeforeRetry(retry -> log.warn("Free-text index not brought up to date at start, trying again: {}",
                        retry.failure().toString()));
        try {
            indexAtStart().retryWhen(whileRunning).block();
        } catch (RuntimeException e) {
            log.warn("Free-text index not brought up to date at start, stopping: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = indexer;
        if (thread != null) {
            try {
                // What is queued is written before the process ends, if the store answers in time.
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
