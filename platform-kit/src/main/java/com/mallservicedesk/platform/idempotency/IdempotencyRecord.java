package com.mallservicedesk.platform.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first outcome of a creating call made with an {@code Idempotency-Key}. Until the outcome is stored the key is
 * claimed until {@code claimedUntil}; a claim left behind by a crash lapses then.
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(@Id String id, String mallId, String caller, String requestHash, String result,
                         Instant createdAt, Instant claimedUntil) {

    static final String COLLECTION = "idempotency_keys";

    boolean completed() {
        return result != null;
    }

    boolean abandonedAt(Instant now) {
        return !completed() && claimedUntil != null && claimedUntil.isBefore(now);
    }
}
