package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.request.TokenPostings.Place;
import java.time.LocalDate;
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
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the free-text index ({@link TokenPostings}) for a search: a month at a time and the newest days first, the
 * mall's blocks of those days (from its request counters) and their states; the postings of folded blocks and the
 * entries of the others, by key; until each token has {@value #MAX_IDS} postings. Only the postings the tokens have
 * in common are resolved to request ids, through their entries. A closed block found not folded (not its day's last,
 * or of a day that is over everywhere) is handed to the indexer to fold.
 */
final class TokenSearch {

    /** Postings a search takes per token: a more common token narrows nothing; the newest requests are sought. */
    static final int MAX_IDS = 1000;
    /** Days a search reads back at most. */
    static final int MAX_DAYS = 400;
    private static final int DAYS_PER_READ = 31;

    /**
     * A slot of a day of the mall and its key: a block (the last position its day's counter has handed out, and whether
     * it is closed) or the day's unnumbered slot.
     */
    private record Slot(String name, String key, int lastPosition, boolean closed) {

        boolean numbered() {
            return TokenPostings.isNumbered(name);
        }
    }

    private final Supplier<ReactiveMongoTemplate> mongo;
    private final Supplier<RequestNumbers> numbers;
    private final TokenPostings postings;
    private final String collection;

    TokenSearch(Supplier<ReactiveMongoTemplate> mongo, Supplier<RequestNumbers> numbers, TokenPostings postings,
                String collection) {
        this.mongo = mongo;
        this.numbers = numbers;
        this.postings = postings;
        this.collection = collection;
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
        LocalDate today = postings.today();
        LocalDate newest = today.plusDays(1);    // UTC tomorrow: ahead of every mall's local day
        return Flux.range(0, (MAX_DAYS + DAYS_PER_READ - 1) / DAYS_PER_READ)
                .concatMap(n -> readMonth(mallId, newest.minusDays((long) (n + 1) * DAYS_PER_READ - 1),
                        newest.minusDays((long) n * DAYS_PER_READ), today, found)
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
    private Mono<Void> readMonth(String mallId, LocalDate first, LocalDate last, LocalDate today,
                                 Map<String, List<Place>> found) {
        return numbers.get().lastOfDays(mallId, first, last).flatMap(lastOfDays -> {
            List<Slot> slots = slotsNewestFirst(mallId, first, last, today, lastOfDays);
            List<Slot> blocks = slots.stream().filter(Slot::numbered).toList();
            List<String> keys = blocks.stream().map(Slot::key).toList();
            return postings.marked(keys, TokenPostings.FOLDED).flatMap(folded -> {
                List<Slot> unfolded = blocks.stream().filter(block -> !folded.contains(block.key())).toList();
                unfolded.stream().filter(Slot::closed).forEach(block -> postings.foldLater(block.key()));
                return entriesOf(unfolded).flatMap(entries -> Flux.fromIterable(found.entrySet())
                        .filter(token -> token.getValue().size() < MAX_IDS)
                        .flatMap(token -> postingsIn(mallId, slots, folded, entries, token.getKey())
                                .doOnNext(places -> {
                                    List<Place> kept = token.getValue();
                                    kept.addAll(places.subList(0, Math.min(places.size(), MAX_IDS - kept.size())));
                                }), 4)
                        .then());
            });
        });
    }

    /**
     * Every slot of the days, newest first: a day's unnumbered slot, then its blocks from the last. A block is closed
     * unless it is its day's last and the day may not be over in every time zone.
     */
    private static List<Slot> slotsNewestFirst(String mallId, LocalDate first, LocalDate last, LocalDate today,
                                               Map<String, Long> lastOfDays) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = last; !day.isBefore(first); day = day.minusDays(1)) {
            String yyyyMMdd = TokenPostings.day().format(day);
            String unnumbered = yyyyMMdd + "#" + TokenPostings.UNNUMBERED;
            slots.add(new Slot(unnumbered, TokenPostings.blockOf(mallId, unnumbered), -1, false));
            long lastSequence = lastOfDays.getOrDefault(yyyyMMdd, 0L);
            boolean dayOver = day.isBefore(today.minusDays(1));
            for (long block = lastSequence / TokenPostings.BLOCK; lastSequence > 0 && block >= 0; block--) {
                String slot = TokenPostings.slot(yyyyMMdd, block);
                boolean lastBlock = block == lastSequence / TokenPostings.BLOCK;
                slots.add(new Slot(slot, TokenPostings.blockOf(mallId, slot),
                        lastBlock ? (int) (lastSequence % TokenPostings.BLOCK) : TokenPostings.BLOCK - 1,
                        !lastBlock || dayOver));
            }
        }
        return slots;
    }

    /** The entries of the blocks, by key: each entry's tokens. */
    private Mono<Map<String, List<String>>> entriesOf(List<Slot> blocks) {
        if (blocks.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> keys = blocks.stream()
                .flatMap(block -> TokenPostings.entriesOf(block.key(), block.lastPosition()).stream()).toList();
        return mongo.get().find(Query.query(Criteria.where("_id").in(keys)), Document.class, collection)
                .collectMap(entry -> entry.getString("_id"), entry -> entry.getList("tokens", String.class, List.of()));
    }

    /**
     * A token's postings in the slots, newest first: a folded block's and an unnumbered slot's from the token's
     * documents read by key, an unfolded block's from its entries; a block's positions from the last.
     */
    private Mono<List<Place>> postingsIn(String mallId, List<Slot> slots, Set<String> folded,
                                         Map<String, List<String>> entries, String token) {
        Map<String, String> slotByKey = new HashMap<>();
        slots.stream().filter(slot -> !slot.numbered() || folded.contains(slot.key()))
                .forEach(slot -> slotByKey.put(slot.key() + "|" + token, slot.name()));
        return mongo.get().find(Query.query(Criteria.where("_id").in(slotByKey.keySet())), Document.class, collection)
                .collectMap(d -> slotByKey.get(d.getString("_id")), d -> d.getList("at", Object.class, List.of()))
                .map(bySlot -> {
                    List<Place> places = new ArrayList<>();
                    for (Slot slot : slots) {
                        if (slot.numbered()) {
                            List<Integer> at = folded.contains(slot.key())
                                    ? bySlot.getOrDefault(slot.name(), List.of()).stream()
                                            .map(p -> ((Number) p).intValue()).collect(Collectors.toList())
                                    : positionsWith(slot, entries, token);
                            at.sort(Comparator.reverseOrder());
                            at.forEach(position -> places.add(new Place(slot.name(), position)));
                        } else {
                            List<Object> ids = new ArrayList<>(bySlot.getOrDefault(slot.name(), List.of()));
                            Collections.reverse(ids);    // in the order they were indexed
                            ids.forEach(id -> places.add(new Place(slot.name(), id)));
                        }
                    }
                    return places;
                });
    }

    /** The positions of an unfolded block's entries that have the token. */
    private static List<Integer> positionsWith(Slot block, Map<String, List<String>> entries, String token) {
        List<Integer> at = new ArrayList<>();
        for (String key : TokenPostings.entriesOf(block.key(), block.lastPosition())) {
            if (entries.getOrDefault(key, List.of()).contains(token)) {
                at.add(TokenPostings.positionOf(key));
            }
        }
        return at;
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

    /** The request ids of the postings, in order: positions resolved through their entries. */
    private Mono<Set<String>> idsOf(String mallId, List<Place> places) {
        Map<Place, String> entryKeys = new LinkedHashMap<>();
        places.stream().filter(Place::numbered).forEach(place -> entryKeys.put(place,
                TokenPostings.entryOf(TokenPostings.blockOf(mallId, place.slot()), (Integer) place.posting())));
        Mono<Map<String, String>> idsByEntry = entryKeys.isEmpty() ? Mono.just(Map.of())
                : mongo.get().find(Query.query(Criteria.where("_id").in(entryKeys.values())), Document.class, collection)
                        .filter(d -> d.getString("id") != null)
                        .collectMap(d -> d.getString("_id"), d -> d.getString("id"));
        return idsByEntry.map(byEntry -> {
            Set<String> ids = new LinkedHashSet<>();
            for (Place place : places) {
                String id = place.numbered() ? byEntry.get(entryKeys.get(place)) : (String) place.posting();
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids;
        });
    }
}
