package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.InsertOnce;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import reactor.core.publisher.Mono;

/**
 * The free-text index of the reception log: one document per mall and token ({@code request_search_tokens}, keyed
 * {@code <mall>|<token>}) holding the ids of the requests whose number, description, customer name or category
 * contain it ({@link SearchTokens}), the newest {@value #MAX_IDS} at most. A text query then reads a handful of
 * documents by key and the candidate requests by id, instead of matching a pattern against every request: the
 * embedded MongoDB-wire server uses nothing but {@code _id} and unique indexes, so any other query reads the whole
 * collection. Real MongoDB could use a text index, but its tokeniser splits on spaces and leaves a Chinese sentence as
 * one word, so it would still need these bigrams.
 *
 * <p>Kept current after every write of a request (a save callback, whoever writes it); a request whose text did not
 * change since it was indexed ({@code request_search_docs}, keyed by request id, holds a hash of the text) costs one
 * read. Postings are written before that hash, so a crash between them is repaired by the next write. Requests stored
 * before the index existed are indexed once at the first start.
 */
@Component
class RequestTextIndex implements ReactiveAfterSaveCallback<ServiceRequest>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestTextIndex.class);

    static final String TOKENS = "request_search_tokens";
    static final String DOCS = "request_search_docs";
    /** Ids kept per token: a token more common than this narrows nothing and the newest requests are what is sought. */
    static final int MAX_IDS = 1000;
    private static final String BACKFILLED = "~backfilled";

    /** Looked up when first used: the template's mapping collects save callbacks like this one when it is built. */
    private final ObjectProvider<ReactiveMongoTemplate> template;
    private volatile boolean running;

    RequestTextIndex(ObjectProvider<ReactiveMongoTemplate> template) {
        this.template = template;
    }

    private ReactiveMongoTemplate mongo() {
        return template.getObject();
    }

    @Override
    public Publisher<ServiceRequest> onAfterSave(ServiceRequest request, Document document, String collection) {
        return index(request).onErrorResume(e -> {
            // The request is stored either way; a missed index entry is repaired by the request's next write.
            log.warn("Search index of request {} not updated: {}", request.getId(), e.toString());
            return Mono.empty();
        }).thenReturn(request);
    }

    Mono<Void> index(ServiceRequest request) {
        String[] texts = textsOf(request);
        String hash = hashOf(texts);
        return mongo().findById(request.getId(), Document.class, DOCS)
                .map(d -> hash.equals(d.getString("hash")))
                .defaultIfEmpty(false)
                .flatMap(current -> current ? Mono.<Void>empty()
                        : post(request.getMallId(), request.getId(), SearchTokens.ofDocument(texts))
                                .then(mongo().upsert(Query.query(Criteria.where("_id").is(request.getId())),
                                        new Update().set("hash", hash).set("mallId", request.getMallId()), DOCS))
                                .then());
    }

    private Mono<Void> post(String mallId, String requestId, Set<String> tokens) {
        if (tokens.isEmpty()) {
            return Mono.empty();
        }
        BulkOperations.BulkMode mode = BulkOperations.BulkMode.UNORDERED;
        var bulk = mongo().bulkOps(mode, TOKENS);
        for (String token : tokens) {
            // By key only; newest last, the oldest dropped beyond the bound. A repeated id is dropped when read.
            bulk.upsert(Query.query(Criteria.where("_id").is(key(mallId, token))),
                    new Update().push("ids").slice(-MAX_IDS).each(requestId));
        }
        return bulk.execute().then();
    }

    /**
     * The ids of the mall's requests that may contain {@code text} (any text that is not blank has a token). Tokens held by more requests than an index document keeps narrow nothing and are skipped unless
     * every token is like that; then the newest requests holding all of them are the candidates.
     */
    Mono<Set<String>> candidates(String mallId, String text) {
        Set<String> tokens = SearchTokens.ofQuery(text);
        if (tokens.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<String> keys = tokens.stream().map(t -> key(mallId, t)).toList();
        return mongo().find(Query.query(Criteria.where("_id").in(keys)), Document.class, TOKENS)
                .collectMap(d -> d.getString("_id"), RequestTextIndex::idsOf)
                .map(postings -> {
                    if (postings.size() < keys.size()) {
                        return Set.<String>of();           // a token no request has: nothing matches
                    }
                    Collection<Set<String>> lists = postings.values();
                    List<Set<String>> selective = lists.stream().filter(ids -> ids.size() < MAX_IDS).toList();
                    return intersection(selective.isEmpty() ? new ArrayList<>(lists) : selective);
                });
    }

    private static Set<String> intersection(List<Set<String>> lists) {
        List<Set<String>> bySize = lists.stream().sorted((a, b) -> Integer.compare(a.size(), b.size())).toList();
        Set<String> result = new LinkedHashSet<>(bySize.get(0));
        for (int i = 1; i < bySize.size() && !result.isEmpty(); i++) {
            result.retainAll(bySize.get(i));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> idsOf(Document posting) {
        List<String> ids = (List<String>) posting.get("ids", List.class);
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }

    static String[] textsOf(ServiceRequest r) {
        return new String[] {r.getNumber(), r.getDescription(), r.getCustomer() == null ? null : r.getCustomer().name(),
                r.getCategory()};
    }

    /** Whether the indexed text changed: a digest of the texts, each with its length so boundaries count. */
    private static String hashOf(String[] texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                String t = text == null ? "" : text;
                digest.update((t.length() + ":" + t + "|").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String mallId, String token) {
        return mallId + "|" + token;
    }

    /** Once: requests stored before the index existed are indexed (a scan at the first start only). */
    Mono<Void> indexRequestsStoredBefore() {
        return mongo().findById(BACKFILLED, Document.class, DOCS).hasElement().flatMap(done -> done ? Mono.<Void>empty()
                : mongo().findAll(ServiceRequest.class).concatMap(this::index)
                        .then(InsertOnce.into(mongo(), new Document("_id", BACKFILLED), DOCS)).then());
    }

    @Override
    public void start() {
        indexRequestsStoredBefore().block(Duration.ofMinutes(10));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
