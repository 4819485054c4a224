package com.mallservicedesk.platform.idempotency;

import com.mallservicedesk.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours the contract's {@code Idempotency-Key} on creating endpoints: the first call with a key claims it,
 * runs, and stores its result; a retry with the same key and body gets that result and creates nothing;
 * the same key with another body is refused. A call that fails releases its key so the client can retry.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String COLLECTION = IdempotencyRecord.COLLECTION;

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotentRequests(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
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
        String id = mallId + "|" + scope + "|" + key;
        String hash = hash(json.writeValueAsString(requestBody));
        var claim = new IdempotencyRecord(id, mallId, hash, null, clock.instant());
        return mongo.insert(claim)
                .flatMap(claimed -> Mono.defer(action)
                        .flatMap(result -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                                Update.update("result", json.writeValueAsString(result)), IdempotencyRecord.class).thenReturn(result))
                        .onErrorResume(error -> mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class)
                                .then(Mono.error(error))))
                .onErrorResume(DuplicateKeyException.class, duplicate -> mongo.findById(id, IdempotencyRecord.class)
                        .switchIfEmpty(Mono.error(ApiException.conflict("idempotency-key-in-progress")))
                        .flatMap(first -> replay(first, hash, resultType)));
    }

    private <T> Mono<T> replay(IdempotencyRecord first, String hash, Class<T> resultType) {
        if (!first.requestHash().equals(hash)) {
            return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"));
        }
        if (!first.completed()) {
            return Mono.error(ApiException.conflict("idempotency-key-in-progress"));
        }
        return Mono.just(json.readValue(first.result(), resultType));
    }

    private static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
