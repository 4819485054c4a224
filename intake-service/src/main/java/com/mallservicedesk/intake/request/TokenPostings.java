package com.mallservicedesk.intake.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The postings of the free-text index in {@code request_search_tokens}, kept per block of {@value #BLOCK} consecutive
 * request numbers of a mall's day. The block comes from the number ({@code M001-20261126-0071} is day 20261126, block
 * 0001, position 7), and every document of a block starts with the block's key:
 * <ul>
 *   <li>{@code <mall>#<yyyyMMdd>#<block>}: the block's requests, {@code ids: {<position>: <request id>}};</li>
 *   <li>{@code <mall>#<yyyyMMdd>#<block>|<token>}: the positions in the block of the requests with the token,
 *       {@code at: [7, 12]}.</li>
 * </ul>
 *
 * <p>Why this layout: the store writes whole pages of documents in key order, and indexing a request changes one
 * document for each of its twenty to fifty tokens. Keyed by token first, those documents lay on as many pages, each
 * shared with the token's earlier blocks and other tokens' documents, and the bytes written per registration grew with
 * the index. Keyed by block first, a registration changes only the pages of its own block, which stop changing when
 * the block is full; and a posting is a small position, not a request id.
 *
 * <p>A search reads, a month at a time and the newest days first, the mall's blocks of those days (from its request
 * counters), then each token's documents of those blocks by key, until each token has {@value #MAX_IDS} postings; only
 * the postings the tokens have in common are resolved to request ids, through their blocks' documents. A number not
 * in the usual form has no block: its request's postings are its id itself, in the indexing day's slot
 * {@code <yyyyMMdd>#~} (UTC).
 */
final class TokenPostings {

    /** Postings a search takes per token: a more common token narrows nothing; the newest requests are sought. */
    static final int MAX_IDS = 1000;
    /** Request numbers per block. */
    static final int BLOCK = 64;
    /** Days a search reads back at most. */
    static final int MAX_DAYS = 400;
    private static final int DAYS_PER_READ = 31;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** The slot of a day's requests whose numbers are not in the usual form; it sorts after the day's blocks. */
    private static final String UNNUMBERED = "~";

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
    private final Supplier<RequestNumbers> numbers;
    private final String collection;
    private final Clock clock;

    TokenPostings(Supplier<ReactiveMongoTemplate> mongo, Supplier<RequestNumbers> numbers, String collection,
                  Clock clock) {
        this.mongo = mongo;
        this.numbers = numbers;
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
    private static String slot(String yyyyMMdd, long block) {
        return yyyyMMdd + "#" + "%04d".formatted(block);
    }

    /** The key of a block of the mall: {@code <mall>#<slot>}. */
    static String blockOf(String mallId, String slot) {
        return mallId + "#" + slot;
    }

    /** The key of a token's postings in a block: {@code <mall>#<slot>|<token>}. */
    static String postingsOf(String mallId, String slot, String token) {
        return blockOf(mallId, slot) + "|" + token;
    }

    /**
     * Posts a batch of requests in one write: each block's document once with its requests, each token's document of a
     * block once with every position it gains. A request indexed again adds nothing new.
     */
    Mono<Void> post(List<Indexed> requests) {
        Map<String, Update> blocks = new LinkedHashMap<>();
        Map<String, List<Object>> postings = new LinkedHashMap<>();
        for (Indexed request : requests) {
            Place place = placeOf(request.number(), request.requestId());
            if (place.numbered()) {
                blocks.computeIfAbsent(blockOf(request.mallId(), place.slot()), k -> new Update())
                        .set("ids." + place.posting(), request.requestId());
            }
            for (String token : request.tokens()) {
                postings.computeIfAbsent(postingsOf(request.mallId(), place.slot(), token), k -> new ArrayList<>())
                        .add(place.posting());
            }
        }
        if (postings.isEmpty() && blocks.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            var bulk = mongo.get().bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            blocks.forEach((block, ids) -> bulk.upsert(byId(block), ids));
            postings.forEach((key, at) -> bulk.upsert(byId(key), new Update().addToSet("at").each(at.toArray())));
            return bulk.execute();
        }).then();
    }

    /**
     * The ids of the mall's requests that may have all the tokens: the newest {@value #MAX_IDS} postings of each token;
     * of those, the tokens with fewer narrow the candidates (a token held by more requests narrows nothing), unless
     * every token is that common; then the newest requests holding all of them are the candidates. Empty when a token
     * has no postings.
     */
    Mono<Set<String>> candidates(String mallId, Collection<String> tokens) {
        Map<String, List<Place>> found = new LinkedHashMap<>();
        tokens.forEach(token -> found.put(token, new ArrayList<>()));
        LocalDate newest = today().plusDays(1);    // UTC tomorrow: ahead of every mall's local day
        return Flux.range(0, (MAX_DAYS + DAYS_PER_READ - 1) / DAYS_PER_READ)
                .concatMap(n -> readMonth(mallId, newest.minusDays((long) (n + 1) * DAYS_PER_READ - 1),
                        newest.minusDays((long) n * DAYS_PER_READ), found)
                        .then(Mono.fromSupplier(() -> found.values().stream()
                                .allMatch(places -> places.size() >= MAX_IDS))))
                .takeUntil(allFull -> allFull)
                .then(Mono.defer(() -> {
                    if (found.values().stream().anyMatch(List::isEmpty)) {
                        return Mono.just(Set.<String>of());       // a token no request has: nothing matches
                    }
                    List<List<Place>> selective = found.values().stream()
                            .filter(places -> places.size() < MAX_IDS).toList();
                    return idsOf(mallId, intersection(selective.isEmpty() ? List.copyOf(found.values()) : selective));
                }));
    }

    /** Adds, newest first, the postings of the days from {@code first} to {@code last} of each token still short. */
    private Mono<Void> readMonth(String mallId, LocalDate first, LocalDate last, Map<String, List<Place>> found) {
        return numbers.get().lastOfDays(mallId, first, last).flatMap(lastOfDays -> {
            List<String> slots = slotsNewestFirst(first, last, lastOfDays);
            return Flux.fromIterable(found.entrySet())
                    .filter(token -> token.getValue().size() < MAX_IDS)
                    .flatMap(token -> postingsIn(mallId, slots, token.getKey())
                            .doOnNext(places -> {
                                List<Place> kept = token.getValue();
                                kept.addAll(places.subList(0, Math.min(places.size(), MAX_IDS - kept.size())));
                            }), 4)
                    .then();
        });
    }

    /** Every slot of the days, newest first: a day's unnumbered slot, then its blocks from the last. */
    private static List<String> slotsNewestFirst(LocalDate first, LocalDate last, Map<String, Long> lastOfDays) {
        List<String> slots = new ArrayList<>();
        for (LocalDate day = last; !day.isBefore(first); day = day.minusDays(1)) {
            String yyyyMMdd = DAY.format(day);
            slots.add(yyyyMMdd + "#" + UNNUMBERED);
            long lastSequence = lastOfDays.getOrDefault(yyyyMMdd, 0L);
            for (long block = lastSequence / BLOCK; lastSequence > 0 && block >= 0; block--) {
                slots.add(slot(yyyyMMdd, block));
            }
        }
        return slots;
    }

    /** A token's postings in the slots, newest first: the documents read by key, their positions from the last. */
    private Mono<List<Place>> postingsIn(String mallId, List<String> slots, String token) {
        Map<String, String> slotByKey = new HashMap<>();
        slots.forEach(slot -> slotByKey.put(postingsOf(mallId, slot, token), slot));
        return mongo.get().find(Query.query(Criteria.where("_id").in(slotByKey.keySet())), Document.class, collection)
                .collectMap(d -> slotByKey.get(d.getString("_id")), d -> d.getList("at", Object.class, List.of()))
                .map(bySlot -> {
                    List<Place> places = new ArrayList<>();
                    for (String slot : slots) {
                        List<Object> at = bySlot.getOrDefault(slot, List.of());
                        List<Object> newestFirst = new ArrayList<>(at);
                        if (isNumbered(slot)) {
                            newestFirst.sort(Comparator.comparingInt(p -> -((Number) p).intValue()));
                        } else {
                            Collections.reverse(newestFirst);    // ids, in the order they were indexed
                        }
                        newestFirst.forEach(posting -> places.add(new Place(slot,
                                posting instanceof Number position ? (Object) position.intValue() : posting)));
                    }
                    return places;
                });
    }

    /** The postings in every list, in the order of the shortest: only these are resolved to request ids. */
    private static List<Place> intersection(List<List<Place>> lists) {
        List<List<Place>> bySize = lists.stream().sorted(Comparator.comparingInt(List::size)).toList();
        List<Set<String>> others = bySize.stream().skip(1)
                .map(places -> places.stream().map(Place::request).collect(Collectors.toSet())).toList();
        return bySize.get(0).stream()
                .filter(place -> others.stream().allMatch(requests -> requests.contains(place.request())))
                .toList();
    }

    /** The request ids of the postings, in order: positions resolved through their blocks' documents. */
    private Mono<Set<String>> idsOf(String mallId, List<Place> places) {
        Set<String> blocks = places.stream().filter(Place::numbered)
                .map(place -> blockOf(mallId, place.slot())).collect(Collectors.toCollection(LinkedHashSet::new));
        Mono<Map<String, Document>> idsByBlock = blocks.isEmpty() ? Mono.just(Map.of())
                : mongo.get().find(Query.query(Criteria.where("_id").in(blocks)), Document.class, collection)
                        .collectMap(d -> d.getString("_id"), d -> d.get("ids", new Document()));
        return idsByBlock.map(byBlock -> {
            Set<String> ids = new LinkedHashSet<>();
            for (Place place : places) {
                Object id = place.numbered()
                        ? byBlock.getOrDefault(blockOf(mallId, place.slot()), new Document())
                                .get(place.posting().toString())
                        : place.posting();
                if (id instanceof String requestId) {
                    ids.add(requestId);
                }
            }
            return ids;
        });
    }

    private static boolean isNumbered(String slot) {
        return !slot.endsWith("#" + UNNUMBERED);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
