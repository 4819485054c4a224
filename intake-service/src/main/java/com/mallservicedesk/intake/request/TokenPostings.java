package com.mallservicedesk.intake.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The postings of the free-text index in {@code request_search_tokens}: per mall and token, one document for each
 * block of {@value #BLOCK} consecutive request numbers of a day, {@code <mall>|<token>#<yyyyMMdd>#<block>}, with the
 * ids of the requests of that block that have the token. The day and the block come from the request's number
 * ({@code M001-20261126-0071} is day 20261126, block 0001), so a request's postings always land in the same documents
 * and keys sort by day and number.
 *
 * <p>Why blocks: indexing a request rewrites the document of each of its tokens (twenty to fifty). With one document
 * per token and day, the tokens that many of a mall's requests share grew to the day's whole list of ids, and a
 * registration rewrote all of them: the store's work per registration grew with each mall's day. A block's document
 * holds at most {@value #BLOCK} ids, however busy the day. A search reads a token's blocks by ranges of their keys, the
 * newest days first, until it has {@value #MAX_IDS} ids.
 */
final class TokenPostings {

    /** Ids a search takes per token: a more common token narrows nothing; the newest requests are what is sought. */
    static final int MAX_IDS = 1000;
    /** Request numbers per posting document. */
    static final int BLOCK = 64;
    /** Days a search reads back at most. */
    static final int MAX_DAYS = 400;
    private static final int DAYS_PER_READ = 31;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** A number not in the usual form goes in its indexing day's last block. */
    private static final String UNNUMBERED_BLOCK = "~";

    private final Supplier<ReactiveMongoTemplate> mongo;
    private final String collection;
    private final Clock clock;

    TokenPostings(Supplier<ReactiveMongoTemplate> mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    /**
     * Where a request's postings go: {@code <yyyyMMdd>#<block>} of its number, or the indexing day's last block (UTC)
     * for a number in another form. The same for every token of the request.
     */
    String slotOf(String number) {
        return RequestNumbers.partsOf(number)
                .map(parts -> parts.day() + "#" + "%04d".formatted(parts.sequence() / BLOCK))
                .orElseGet(() -> DAY.format(LocalDate.now(clock.withZone(ZoneOffset.UTC))) + "#" + UNNUMBERED_BLOCK);
    }

    /** The document of a token's postings in a slot: {@code <token key>#<day>#<block>}. */
    static String documentOf(String tokenKey, String slot) {
        return tokenKey + "#" + slot;
    }

    /** Adds the ids to each posting document, newest last; an id posted twice (indexed again) is read once. */
    Mono<Void> post(Map<String, List<String>> idsByDocument) {
        if (idsByDocument.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            var bulk = mongo.get().bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            // The slice only guards against a number outside the usual form: a block never holds more.
            idsByDocument.forEach((document, ids) -> bulk.upsert(byId(document),
                    new Update().push("ids").slice(-MAX_IDS).each(ids.toArray())));
            return bulk.execute();
        }).then();
    }

    /**
     * The newest ids (at most {@value #MAX_IDS}, newest first) of each token that has postings; a token without any is
     * missing from the map.
     */
    Mono<Map<String, Set<String>>> newest(List<String> tokenKeys) {
        return Flux.fromIterable(tokenKeys)
                .flatMapSequential(key -> newestOf(key).map(ids -> Map.entry(key, ids)), 4)
                .filter(entry -> !entry.getValue().isEmpty())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Reads the token's blocks a month at a time, from tomorrow (UTC, ahead of every mall's day) back. */
    private Mono<Set<String>> newestOf(String tokenKey) {
        LocalDate newest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        Set<String> ids = new LinkedHashSet<>();
        return Flux.range(0, (MAX_DAYS + DAYS_PER_READ - 1) / DAYS_PER_READ)
                .concatMap(n -> idsBetween(tokenKey, newest.minusDays((long) (n + 1) * DAYS_PER_READ - 1),
                        newest.minusDays((long) n * DAYS_PER_READ)))
                .takeUntil(found -> {
                    ids.addAll(found);
                    return ids.size() >= MAX_IDS;
                })
                .then(Mono.fromSupplier(() -> ids.size() <= MAX_IDS ? ids
                        : new LinkedHashSet<>(ids.stream().limit(MAX_IDS).toList())));
    }

    /** The ids posted from day {@code first} to day {@code last}, newest first: one walk over a range of keys. */
    private Mono<List<String>> idsBetween(String tokenKey, LocalDate first, LocalDate last) {
        var range = Criteria.where("_id").gte(tokenKey + "#" + DAY.format(first))
                .lte(tokenKey + "#" + DAY.format(last) + "#" + UNNUMBERED_BLOCK);
        return mongo.get().find(Query.query(range), Document.class, collection)
                .sort(Comparator.comparing((Document d) -> d.getString("_id")).reversed())
                .concatMapIterable(d -> {
                    List<String> posted = d.getList("ids", String.class, List.of());
                    List<String> newestFirst = new ArrayList<>(posted.size());
                    for (int i = posted.size() - 1; i >= 0; i--) {
                        newestFirst.add(posted.get(i));
                    }
                    return newestFirst;
                })
                .collectList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
