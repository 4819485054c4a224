package com.mallservicedesk.intake.request;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The free-text index in {@code request_search_tokens}, kept per block of {@value #BLOCK} consecutive request numbers of
 * a mall's day. The block comes from the number ({@code M001-20261126-0071} is day 20261126, block 0001, position 7),
 * and every document of a block starts with the block's key:
 * <ul>
 *   <li>{@code <mall>#<yyyyMMdd>#<block>@<position>}: a request's entry, {@code id} and {@code tokens}, written when it
 *       is indexed;</li>
 *   <li>{@code <mall>#<yyyyMMdd>#<block>|<token>}: the positions in the block of the requests with the token,
 *       {@code at: [7, 12]}, written when the block is folded;</li>
 *   <li>{@code <mall>#<yyyyMMdd>#<block>}: the block's state, {@code folding} and then {@code folded}.</li>
 * </ul>
 *
 * <p>Why a log and a fold: a request has twenty to fifty tokens. Posting each in its token's document as the request
 * came in rewrote that many documents per registration, each larger with every request of the block. An entry is one
 * new document, and a block's postings are written once, at one of the indexer's turns after its last number is
 * indexed or, for a day's last block, after a search finds the day over: each token's document of the block then comes
 * into being whole.
 *
 * <p>Which side writes a late request's postings: a fold marks its block {@code folding} before it reads the entries,
 * and the indexer reads the blocks' states after it wrote its entries. So an entry is either read by the fold or
 * written before the indexer sees {@code folding}, and then the indexer posts its tokens itself. A search reads the
 * postings of folded blocks and the entries of the others, so it finds a request in either state.
 *
 * <p>A number not in the usual form has no block: its request's postings are its id itself, posted as it is indexed in
 * the indexing day's slot {@code <yyyyMMdd>#~} (UTC).
 */
final class TokenPostings {

    /** Request numbers per block. */
    static final int BLOCK = 64;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** The slot of a day's requests whose numbers are not in the usual form; it sorts after the day's blocks. */
    static final String UNNUMBERED = "~";
    /** A block's state: its fold began; then its postings are complete. */
    static final String FOLDING = "folding";
    static final String FOLDED = "folded";
    /** Blocks waiting to be folded; beyond this, a block waits until a search finds it closed and asks again. */
    private static final int MAX_FOLDS_DUE = 10_000;
    /**
     * How long a turn of the indexer goes on folding blocks (it folds one at least, whatever it takes): the texts queued
     * meanwhile wait for it. A fold writes a document per distinct token of 64 requests. When the benchmark's 500 malls
     * all completed a block within seconds, folding them in one batch took minutes; eight blocks a turn still held the
     * texts queued behind them up to 149 s at 200,000 stored requests. Folds only make searches read less: a block's
     * entries are searched until it is folded.
     */
    static final Duration FOLD_TIME_PER_TURN = Duration.ofSeconds(1);

    /** Where a request's postings go: its slot ({@code <yyyyMMdd>#<block>}) and what stands for it there. */
    record Place(String slot, Object posting) {

        boolean numbered() {
            return isNumbered(slot);
        }

        /**
         * Which request it stands for: its block and position, or its id (a request with an unusual number is posted
         * on the day it was indexed, which may differ between its tokens).
         */
        String request() {
            return numbered() ? slot + "@" + posting : "id:" + posting;
        }
    }

    /** A request to index: its mall, id, number and tokens. */
    record Indexed(String mallId, String requestId, String number, Set<String> tokens) {
    }

    private final Supplier<ReactiveMongoTemplate> mongo;
    private final String collection;
    private final Clock clock;
    /** Blocks to fold: those whose last entry the indexer wrote, and closed ones searches found not folded. */
    private final Set<String> foldsDue = ConcurrentHashMap.newKeySet();

    TokenPostings(Supplier<ReactiveMongoTemplate> mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    /**
     * A request's place: its number's day and block, and its position in the block; or, for a number in another form,
     * the indexing day's unnumbered slot and the request's id.
     */
    Place placeOf(String number, String requestId) {
        return RequestNumbers.partsOf(number)
                .map(parts -> new Place(slot(parts.day(), parts.sequence() / BLOCK),
                        (Object) (parts.sequence() % BLOCK)))
                .orElseGet(() -> new Place(DAY.format(today()) + "#" + UNNUMBERED, requestId));
    }

    /** A block's slot: {@code <yyyyMMdd>#<block>}, the block with four digits so a day's blocks sort in order. */
    static String slot(String yyyyMMdd, long block) {
        return yyyyMMdd + "#" + "%04d".formatted(block);
    }

    /** The key of a block of the mall, and of its state: {@code <mall>#<slot>}. */
    static String blockOf(String mallId, String slot) {
        return mallId + "#" + slot;
    }

    /** The key of a token's postings in a block: {@code <mall>#<slot>|<token>}. */
    static String postingsOf(String mallId, String slot, String token) {
        return blockOf(mallId, slot) + "|" + token;
    }

    /** The key of a request's entry in its block: {@code <mall>#<slot>@<position>}, two digits. */
    static String entryOf(String block, int position) {
        return block + "@" + "%02d".formatted(position);
    }

    /** The position of an entry, from its key. */
    static int positionOf(String entryKey) {
        return Integer.parseInt(entryKey.substring(entryKey.lastIndexOf('@') + 1));
    }

    /** The keys of a block's entries up to {@code lastPosition}. */
    static List<String> entriesOf(String block, int lastPosition) {
        return IntStream.rangeClosed(0, lastPosition).mapToObj(position -> entryOf(block, position)).toList();
    }

    /**
     * Indexes a batch of requests: their entries in one write; then, in one more, the postings of requests whose block
     * is already being folded and of those with an unusual number. The blocks whose last position the batch brought
     * are due to be folded, a few at a turn ({@link #foldSome}): until then searches read their entries.
     */
    Mono<Void> post(List<Indexed> requests) {
        Map<String, List<Indexed>> byBlock = new LinkedHashMap<>();
        Set<String> lastPositions = new LinkedHashSet<>();
        List<Indexed> unnumbered = new ArrayList<>();
        Map<String, Update> entries = new LinkedHashMap<>();
        for (Indexed request : requests) {
            Place place = placeOf(request.number(), request.requestId());
            if (!place.numbered()) {
                unnumbered.add(request);
                continue;
            }
            String block = blockOf(request.mallId(), place.slot());
            int position = (Integer) place.posting();
            entries.put(entryOf(block, position), new Update().set("id", request.requestId())
                    .set("tokens", List.copyOf(request.tokens())));
            byBlock.computeIfAbsent(block, k -> new ArrayList<>()).add(request);
            if (position == BLOCK - 1) {
                lastPositions.add(block);
            }
        }
        return upsert(entries).then(marked(byBlock.keySet(), FOLDING)).flatMap(folding -> {
            List<Indexed> direct = new ArrayList<>(unnumbered);
            byBlock.forEach((block, inBlock) -> {
                if (folding.contains(block)) {
                    direct.addAll(inBlock);
                }
            });
            return postTokens(direct).doOnSuccess(done -> lastPositions.forEach(this::foldLater));
        });
    }

    /**
     * Which of the blocks are marked {@value #FOLDING} (their fold began) or {@value #FOLDED} (their postings are
     * complete): one read of their states by key.
     */
    Mono<Set<String>> marked(Collection<String> blocks, String mark) {
        if (blocks.isEmpty()) {
            return Mono.just(Set.of());
        }
        return mongo.get().find(Query.query(Criteria.where("_id").in(blocks)), Document.class, collection)
                .filter(state -> state.getBoolean(mark, false))
                .map(state -> state.getString("_id"))
                .collect(LinkedHashSet::new, Set::add);
    }

    /** Adds the requests to their slots' postings of each of their tokens, in one write. */
    private Mono<Void> postTokens(List<Indexed> requests) {
        Map<String, List<Object>> postings = new LinkedHashMap<>();
        for (Indexed request : requests) {
            Place place = placeOf(request.number(), request.requestId());
            request.tokens().forEach(token -> postings.computeIfAbsent(postingsOf(request.mallId(), place.slot(), token),
                    k -> new ArrayList<>()).add(place.posting()));
        }
        return addPostings(postings);
    }

    private Mono<Void> addPostings(Map<String, List<Object>> postings) {
        Map<String, Update> updates = new LinkedHashMap<>();
        postings.forEach((key, at) -> updates.put(key, new Update().addToSet("at").each(at.toArray())));
        return upsert(updates);
    }

    /** Upserts each document by key, in one bulk write (none when there is nothing to write). */
    private Mono<Void> upsert(Map<String, Update> updates) {
        if (updates.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            var bulk = mongo.get().bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            updates.forEach((key, update) -> bulk.upsert(byId(key), update));
            return bulk.execute();
        }).then();
    }

    /**
     * Folds a block: marks it {@code folding}, writes each token's postings from the entries, marks it
     * {@code folded}. A folded block is left as it is; one whose fold was cut short is folded again.
     */
    private Mono<Void> fold(String block) {
        return mongo.get().findAndModify(byId(block), new Update().set(FOLDING, true),
                        FindAndModifyOptions.options().upsert(true), Document.class, collection)
                .filter(before -> before.getBoolean(FOLDED, false))
                .hasElement()
                .flatMap(folded -> folded ? Mono.empty() : foldEntries(block));
    }

    private Mono<Void> foldEntries(String block) {
        return Flux.defer(() -> mongo.get().find(Query.query(Criteria.where("_id").in(entriesOf(block, BLOCK - 1))),
                        Document.class, collection))
                .collectList()
                .flatMap(entries -> {
                    Map<String, List<Object>> postings = new LinkedHashMap<>();
                    for (Document entry : entries) {
                        int position = positionOf(entry.getString("_id"));
                        entry.getList("tokens", String.class, List.of()).forEach(token -> postings
                                .computeIfAbsent(block + "|" + token, k -> new ArrayList<>()).add(position));
                    }
                    return addPostings(postings);
                })
                .then(mongo.get().updateFirst(byId(block), new Update().set(FOLDED, true), collection))
                .then();
    }

    /** A closed block is to be folded at one of the indexer's next turns. */
    void foldLater(String block) {
        if (foldsDue.size() < MAX_FOLDS_DUE) {
            foldsDue.add(block);
        }
    }

    /** Folds blocks due, one after the other, for about {@link #FOLD_TIME_PER_TURN}. */
    Mono<Void> foldSome() {
        return foldSome(FOLD_TIME_PER_TURN);
    }

    /** Folds blocks due, one after the other, until one ends after {@code budget} has passed. */
    Mono<Void> foldSome(Duration budget) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return Flux.fromIterable(foldsDue)
                    .concatMap(block -> fold(block).then(Mono.fromRunnable(() -> foldsDue.remove(block)))
                            .thenReturn(block))
                    .takeUntil(block -> System.nanoTime() - start >= budget.toNanos())
                    .then();
        });
    }

    static boolean isNumbered(String slot) {
        return !slot.endsWith("#" + UNNUMBERED);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static DateTimeFormatter day() {
        return DAY;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
