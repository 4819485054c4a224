package com.mallservicedesk.intake.request;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Requests whose text may not have reached the free-text index, indexed again from a request id on. Request ids sort
 * by the time they were made, so "every request from this id on" is a range of the {@code _id} index, which the store
 * walks in order a page at a time, at any size of the collection. Two cases need it: at start, the requests of the last
 * minutes, whose texts a crash may have left in the indexer's queue; and texts that did not fit in the queue while the
 * indexer was behind (in a load of 200,000 requests, 4,451 texts were dropped that way and never found by a search).
 * The lowest id still to walk is kept in the store ({@value #MARKER} in the index's documents) from the first text that
 * did not fit, so a restart goes on from there. Indexing a request again is cheap when its text is indexed already: its
 * hash is read, nothing written.
 */
final class IndexCatchUp {

    private static final Logger log = LoggerFactory.getLogger(IndexCatchUp.class);

    static final String MARKER = "~catch-up-from";

    private final Supplier<ReactiveMongoTemplate> mongo;
    private final String collection;
    private final int pageSize;
    private final Function<List<ServiceRequest>, Mono<Void>> index;
    /**
     * The lowest id missed since the walk last looked: a registration's path only adds to it, and the walk takes it
     * before and after each page it reads, so a text missed while a page was read, even one inside that page, is
     * walked again.
     */
    private final AtomicReference<String> missed = new AtomicReference<>();
    /** Where the walk goes on; null when it has nothing left. Only the indexer moves it. */
    private volatile String from;
    /** The value of {@link #from} last written to the store. */
    private volatile String stored;
    private long walked;

    IndexCatchUp(Supplier<ReactiveMongoTemplate> mongo, String collection, int pageSize,
                 Function<List<ServiceRequest>, Mono<Void>> index) {
        this.mongo = mongo;
        this.collection = collection;
        this.pageSize = pageSize;
        this.index = index;
    }

    /**
     * The request's text did not reach the index: every request from its id on is walked. Completes at once (it is
     * called on a registration's path); the indexer stores the mark.
     *
     * @return whether this began a walk (nothing was to walk before)
     */
    boolean missed(String requestId) {
        return missed.getAndAccumulate(requestId, IndexCatchUp::lower) == null && from == null;
    }

    /** At start: walks from where an earlier run stopped, if it did, and at least from {@code sinceId}. */
    Mono<Void> resume(String sinceId) {
        return mongo.get().findById(MARKER, Document.class, collection)
                .doOnNext(marker -> {
                    stored = marker.getString("from");
                    missed(stored);
                    log.info("Free-text index: walking the requests from {} on again, where the last run stopped",
                            stored);
                })
                .then(Mono.fromRunnable(() -> missed(sinceId)));
    }

    /** Whether requests are still to walk. */
    boolean pending() {
        return from != null || missed.get() != null;
    }

    /** One page of the walk: stores the mark if it moved down, indexes up to a page of requests, moves the mark on. */
    Mono<Void> step() {
        String start = lower(from, missed.getAndSet(null));
        from = start;
        if (start == null) {
            return Mono.empty();
        }
        var page = Query.query(Criteria.where("_id").gte(start)).with(Sort.by("_id")).limit(pageSize);
        return storeIfLower(start)
                .then(mongo.get().find(page, ServiceRequest.class).collectList())
                .flatMap(requests -> (requests.isEmpty() ? Mono.<Void>empty() : index.apply(requests))
                        .then(Mono.defer(() -> advance(requests))));
    }

    /** Past the page just read (just after its last id), or done with a short page; but back to any text missed since. */
    private Mono<Void> advance(List<ServiceRequest> requests) {
        walked += requests.size();
        String next = requests.size() < pageSize ? null : requests.get(requests.size() - 1).getId() + "\0";
        from = lower(next, missed.getAndSet(null));
        if (from != null) {
            return Mono.empty();
        }
        log.info("Free-text index: walked {} again, up to the newest", walked == 1 ? "1 request" : walked + " requests");
        walked = 0;
        String wasStored = stored;
        stored = null;
        return wasStored == null ? Mono.empty()
                : mongo.get().remove(Query.query(Criteria.where("_id").is(MARKER).and("from").is(wasStored)),
                        collection).then();
    }

    /** Writes the mark when it is lower than the one stored (the store keeps the lower of the two). */
    private Mono<Void> storeIfLower(String mark) {
        String before = stored;
        if (before != null && before.compareTo(mark) <= 0) {
            return Mono.empty();
        }
        return mongo.get().upsert(Query.query(Criteria.where("_id").is(MARKER)), new Update().min("from", mark),
                collection).doOnSuccess(done -> stored = mark).then();
    }

    /** The lower of two ids, either of which may be null (nothing). */
    private static String lower(String one, String other) {
        return one == null ? other : other == null || one.compareTo(other) <= 0 ? one : other;
    }
}
