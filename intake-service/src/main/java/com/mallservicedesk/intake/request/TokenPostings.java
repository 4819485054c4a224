package com.mallservicedesk.intake.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The postings of the free-text index in {@code request_search_tokens}: per mall, token and day (UTC) a document
 * {@code <mall>|<token>|<day>} with the ids of the requests indexed that day, and per mall and token a document
 * {@code <mall>|<token>} listing the days that have postings. A batch rewrites only its day's documents, whose size
 * follows one day's requests. When a token kept all its ids in one document of up to {@value #MAX_IDS}, every batch
 * rewrote the full documents of the common tokens (a request number's prefixes, the words every repair shares), and
 * the store's work per registration grew with the data. Postings written before the split stay in the token
 * document's {@code ids} and are read as its oldest.
 */
final class TokenPostings {

    /** Ids kept per token: a token more common than this narrows nothing and the newest requests are what is sought. */
    static final int MAX_IDS = 1000;
    /** Days listed per token; a search reads back this far at most. */
    static final int MAX_DAYS = 400;
    private static final int DAYS_PER_READ = 31;
    private static final int MAX_NOTED = 500_000;

    private final Supplier<ReactiveMongoTemplate> mongo;
    private final String collection;
    private final Clock clock;
    /** Token documents this instance has told about the current day: each learns a day once, not once per batch. */
    private final Set<String> noted = ConcurrentHashMap.newKeySet();
    private volatile String notedDay = "";

    TokenPostings(Supplier<ReactiveMongoTemplate> mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    /**
     * Adds the ids to each token's document of today, newest last. The token documents learn the day first, so a
     * failure between the two writes leaves a day without postings, which a search skips.
     */
    Mono<Void> post(Map<String, List<String>> idsByToken) {
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        if (!day.equals(notedDay) || noted.size() > MAX_NOTED) {
            noted.clear();
            notedDay = day;
        }
        List<String> learning = idsByToken.keySet().stream().filter(token -> !noted.contains(token)).toList();
        Mono<Void> days = learning.isEmpty() ? Mono.empty() : Mono.defer(() -> {
            var bulk = mongo.get().bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            // $push rather than $addToSet, to keep the newest days only; a day listed twice (after a restart) is
            // read once.
            learning.forEach(token -> bulk.upsert(byId(token), new Update().push("days").slice(-MAX_DAYS).each(day)));
            return bulk.execute();
        }).doOnSuccess(done -> noted.addAll(learning)).then();
        return days.then(Mono.defer(() -> {
            var bulk = mongo.get().bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            idsByToken.forEach((token, ids) -> bulk.upsert(byId(token + "|" + day),
                    new Update().push("ids").slice(-MAX_IDS).each(ids.toArray())));
            return bulk.execute();
        })).then();
    }

    /**
     * The newest ids (at most {@value #MAX_IDS}, newest first) of each token that has postings; a token without
     * any is missing from the map.
     */
    Mono<Map<String, Set<String>>> newest(List<String> tokens) {
        return mongo.get().find(Query.query(Criteria.where("_id").in(tokens)), Document.class, collection)
                .concatMap(token -> newestOf(token).map(ids -> Map.entry(token.getString("_id"), ids)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Set<String>> newestOf(Document token) {
        String key = token.getString("_id");
        List<String> days = token.getList("days", String.class, List.of()).stream().distinct()
                .sorted(Comparator.reverseOrder()).toList();
        Set<String> ids = new LinkedHashSet<>();
        return Flux.range(0, (days.size() + DAYS_PER_READ - 1) / DAYS_PER_READ)
                .concatMap(n -> idsOn(key, days.subList(n * DAYS_PER_READ, Math.min(days.size(), (n + 1) * DAYS_PER_READ))))
                .takeUntil(found -> {
                    ids.addAll(found);
                    return ids.size() >= MAX_IDS;
                })
                .then(Mono.fromSupplier(() -> {
                    List<String> before = token.getList("ids", String.class, List.of());
                    for (int i = before.size() - 1; i >= 0 && ids.size() < MAX_IDS; i--) {
                        ids.add(before.get(i));
                    }
                    return ids.size() <= MAX_IDS ? ids : new LinkedHashSet<>(ids.stream().limit(MAX_IDS).toList());
                }));
    }

    /** The ids posted on these days (newest first), each day's newest first. */
    private Mono<List<String>> idsOn(String token, List<String> days) {
        List<String> keys = days.stream().map(day -> token + "|" + day).toList();
        return mongo.get().find(Query.query(Criteria.where("_id").in(keys)), Document.class, collection)
                .collectMap(d -> d.getString("_id"), d -> d.getList("ids", String.class, List.of()))
                .map(byKey -> {
                    List<String> ids = new ArrayList<>();
                    for (String key : keys) {
                        List<String> posted = byKey.getOrDefault(key, List.of());
                        for (int i = posted.size() - 1; i >= 0; i--) {
                            ids.add(posted.get(i));
                        }
                    }
                    return ids;
                });
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
