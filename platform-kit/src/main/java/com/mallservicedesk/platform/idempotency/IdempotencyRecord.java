package com.mallservicedesk.platform.idempotency;

import com.mallservicedesk.platform.store.TimeKeys;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first outcome of a creating call made with an {@code Idempotency-Key}. Until the outcome is stored the key is
 * claimed until {@code claimedUntil}; a claim left behind by a crash lapses then.
 *
 * <p>{@code createdKey} is the creation time followed by the id, in a unique index: the keys' ids are the clients'
 * own, in no order of time, so the expired ones are found as a range of this index (the embedded store walks unique
 * indexes in order) rather than by reading every key. Sparse: a key stored before the field existed has none (it is
 * not expired; delete such keys by hand).
 */
@Document(IdempotencyRecord.COLLECTION)
@CompoundIndex(name = IdempotencyRecord.CREATED_KEY, def = "{'createdKey': 1}", unique = true, sparse = true)
record IdempotencyRecord(@Id String id, String mallId, String caller, String requestHash, String result,
                         Instant createdAt, Instant claimedUntil, String createdKey) {

    static final String COLLECTION = "idempotency_keys";
    static final String CREATED_KEY = "createdKey";

    static IdempotencyRecord claim(String id, String mallId, String caller, String requestHash, Instant now,
                                   Instant claimedUntil) {
        return new IdempotencyRecord(id, mallId, caller, requestHash, null, now, claimedUntil, createdKey(now, id));
    }

    static String createdKey(Instant createdAt, String id) {
        return TimeKeys.of(createdAt, id);
    }

    boolean completed() {
        return result != null;
    }

    boolean abandonedAt(Instant now) {
        return !completed() && claimedUntil != null && claimedUntil.isBefore(now);
    }
}
