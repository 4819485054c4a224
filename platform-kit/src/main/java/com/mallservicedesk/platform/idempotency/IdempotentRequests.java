package com.mallservicedesk.platform.idempotency;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.TimeKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours the contract's {@code Idempotency-Key} on creating endpoints: the first call with a key claims it, runs,
 * and stores its result; a retry with the same key and body gets that result and creates nothing; the same key with
 * another body is refused.
 * <ul>
 *   <li>A key belongs to the caller (the token's subject) as well as to the mall and endpoint: another user's
 *       identical key is another key, and can neither read nor block this one.</li>
 *   <li>A call refused as a client error (4xx) changed nothing and releases its key, so the client can correct
 *       and retry. Any other failure keeps the claim: whether the change happened is unknown.</li>
 *   <li>A claim lapses after the claim time ({@code platform.idempotency.claim}, 1 minute): a crash in the
 *       middle of a call leaves the key answering 409 for that long, not for the keys' whole retention.</li>
 *   <li>Once the action succeeded, storing its result is retried for the claim time: only a result that is
 *       stored stops a retry from running the action again.</li>
 * </ul>
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String COLLECTION = IdempotencyRecord.COLLECTION;

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final String ANONYMOUS = "-";

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration claim;

    public IdempotentRequests(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock, Duration claim) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.claim = claim;
    }

    /** The keys created before {@code cutoff}: a range of the unique index {@code createdKey}, not a scan of every key. */
    public static Query createdBefore(Instant cutoff) {
        return Query.query(Criteria.where(IdempotencyRecord.CREATED_KEY).lt(TimeKeys.of(cutoff)));
    }

    /**
     * @param scope names the endpoint, so one key may be used on different endpoints
     * @param key   the header value; without it the action simply runs
     */
    public <T> Mono<T> execute(String mallId, String scope, String key, Object requestBody, Class<T> resultType,
                               Supplier<Mono<T>> action) {
        if (key == null || key.isBlank()) {
            return Mono.defer(action);
        }
        if (key.length() > 200) {
            return Mono.error(ApiException.badRequest("idempotency-key-invalid"));
        }
        String hash = hash(json.writeValueAsString(requestBody));
        return caller().flatMap(caller -> {
            String id = mallId + "|" + scope + "|" + caller + "|" + key;
            var now = clock.instant();
            var claimed = IdempotencyRecord.claim(id, mallId, caller, hash, now, now.plus(claim));
            return mongo.insert(claimed)
                    .flatMap(ignored -> run(id, action))
                    .onErrorResume(DuplicateKeyException.class, duplicate -> mongo.findById(id, IdempotencyRecord.class)
                            .switchIfEmpty(Mono.error(ApiException.conflict("idempotency-key-in-progress")))
                            .flatMap(first -> answer(first, hash, resultType, action)));
        });
    }

    private <T> Mono<T> answer(IdempotencyRecord first, String hash, Class<T> resultType, Supplier<Mono<T>> action) {
        if (!first.requestHash().equals(hash)) {
            return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"));
        }
        if (first.completed()) {
            return Mono.just(json.readValue(first.result(), resultType));
        }
        if (!first.abandonedAt(clock.instant())) {
            return Mono.error(ApiException.conflict("idempotency-key-in-progress"));
        }
        // The first call stopped without an outcome (a crash): take the lapsed claim over, once.
        var retakenUntil = clock.instant().plus(claim);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(first.id()).and("claimedUntil").is(first.claimedUntil())
                                .and("result").isNull()),
                        Update.update("claimedUntil", retakenUntil), IdempotencyRecord.class)
                .flatMap(taken -> taken.getModifiedCount() == 1
                        ? run(first.id(), action)
                        : Mono.error(ApiException.conflict("idempotency-key-in-progress")));
    }

    private <T> Mono<T> run(String id, Supplier<Mono<T>> action) {
        return Mono.defer(action)
                .onErrorResume(error -> clientError(error)
                        ? mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class).then(Mono.error(error))
                        : Mono.error(error))
                .flatMap(result -> storeResult(id, result).thenReturn(result));
    }

    private Mono<Void> storeResult(String id, Object result) {
        String stored = json.writeValueAsString(result);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("result", stored), IdempotencyRecord.class)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5)))
                .timeout(claim)
                .onErrorResume(error -> {
                    // The change is made and the caller gets its result; a retry after the claim lapses may repeat it.
                    log.error("Could not store the outcome of idempotent call {} within {}: {}", id, claim, error.toString());
                    return Mono.empty();
                })
                .then();
    }

    private static boolean clientError(Throwable error) {
        return error instanceof ApiException api && api.status().is4xxClientError()
                || error instanceof org.springframework.web.server.ResponseStatusException status
                        && status.getStatusCode().is4xxClientError();
    }

    private static Mono<String> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() == null ? null : context.getAuthentication().getName())
                .defaultIfEmpty(ANONYMOUS);
    }

    private static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
