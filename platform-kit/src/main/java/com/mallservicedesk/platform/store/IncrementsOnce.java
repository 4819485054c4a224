package com.mallservicedesk.platform.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Figures moved by events ({@code $inc} on documents kept by key) so that each event counts once, even when its handler
 * is killed between moving them and storing its own record of the event (the copy or marker from which a repeat of
 * the event computes nothing). {@link #count} keeps the one order that loses nothing:
 * <ol>
 *   <li>add the event's increments: each write notes the event's key on its document ({@code _counted.<key>}) and is
 *       conditioned on that note's absence, so a repeat moves nothing twice;</li>
 *   <li>store the handler's record of the event: a repeat that finds it computes nothing, one that does not (a kill
 *       before it) computes the same increments again and step 1 ignores them;</li>
 *   <li>the notes are no longer needed and go with this instance's next write to each document, so a document holds
 *       the notes of the few events in flight, not a history.</li>
 * </ol>
 * Counting in the other order (record first) loses the count of an event handled at a kill; counting without the note
 * doubles it. A handler must give each document one increment per event (merge what it moves there). What this does
 * not cover: two instances handling one event at the same time, one of them still counting after the other stored the
 * record and its note went (a consumer that lost its partitions in a rebalance but had not noticed yet).
 */
public final class IncrementsOnce {

    /** The field under which a document notes the events that moved it and whose record is not known to be stored. */
    public static final String COUNTED = "_counted";

    /** The documents whose settled notes wait for this instance's next write to them (bounded without bookkeeping). */
    private static final int MAX_DOCUMENTS_TO_TIDY = 10_000;

    /** What one increment did to its document. */
    public enum Outcome {
        /** The write created the document. */
        CREATED,
        ADDED,
        /** This event had moved the document before (a repeat after a kill): nothing changed now. */
        COUNTED_BEFORE
    }

    /** An update of one document by id: its {@code $inc}s and {@code $setOnInsert}s. */
    public record Increment(String collection, String id, Update update) {
    }

    private final ReactiveMongoTemplate mongo;
    /** {@code <collection>/<id>} → keys of settled events whose notes are still on the document. */
    private final Map<String, Set<String>> settled = new ConcurrentHashMap<>();

    public IncrementsOnce(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies each increment unless the event (its key) applied it before, hands the outcomes (one per increment, in
     * order) to {@code afterCounting} (what must follow a document's first write, such as telling who plans its
     * period: repeated after a kill, so it must be idempotent), stores {@code record}, and lets the notes go.
     */
    public Mono<Void> count(String key, List<Increment> increments,
                            Function<List<Outcome>, Mono<Void>> afterCounting, Mono<?> record) {
        return add(key, increments)
                .flatMap(afterCounting)
                .then(record)
                .then(Mono.fromRunnable(() -> settled(key, increments)));
    }

    /**
     * Step 1 alone, for a caller that learns only from its record's write whether the record was stored (the outbox
     * relay, see {@link CounterMoves}): it calls {@link #settled} after that write, and only if it was stored.
     */
    Mono<List<Outcome>> add(String key, List<Increment> increments) {
        String note = note(key);
        return Flux.fromIterable(increments).concatMap(increment -> add(note, increment)).collectList();
    }

    private Mono<Outcome> add(String note, Increment increment) {
        Update update = increment.update().set(note, true);
        Set<String> tidy = settled.remove(document(increment));
        if (tidy != null) {
            tidy.stream().filter(old -> !old.equals(note)).forEach(update::unset);
        }
        var notCountedYet = Query.query(Criteria.where("_id").is(increment.id()).and(note).exists(false));
        return mongo.upsert(notCountedYet, update, increment.collection())
                .map(result -> result.getUpsertedId() != null ? Outcome.CREATED : Outcome.ADDED)
                // The upsert found no document to update and could not insert one: the document exists and noted this
                // event (a repeat), or a first write of the same document won a race (then the update applies now).
                .onErrorResume(DuplicateKeyException.class, collided -> mongo.updateFirst(notCountedYet, update,
                                increment.collection())
                        .map(result -> result.getMatchedCount() > 0 ? Outcome.ADDED : Outcome.COUNTED_BEFORE));
    }

    /**
     * The handler stored its record of the event: its notes may go, with this instance's next write to each document.
     * A note left behind (a kill before that write, a document written no more) only takes a few bytes.
     */
    void settled(String key, List<Increment> increments) {
        String note = note(key);
        if (settled.size() >= MAX_DOCUMENTS_TO_TIDY) {
            settled.clear();
        }
        for (Increment increment : increments) {
            settled.computeIfAbsent(document(increment), d -> ConcurrentHashMap.newKeySet()).add(note);
        }
    }

    private static String document(Increment increment) {
        return increment.collection() + "/" + increment.id();
    }

    /** The note's field: the key as one field name (no dot, no dollar) under {@value #COUNTED}. */
    private static String note(String key) {
        return COUNTED + "." + key.replace('.', '_').replace('$', '_');
    }
}
