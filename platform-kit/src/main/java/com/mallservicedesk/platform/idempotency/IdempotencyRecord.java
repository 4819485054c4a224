package com.mallservicedesk.platform.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The first outcome of a creating call made with an {@code Idempotency-Key}. */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(@Id String id, String mallId, String requestHash, String result, Instant createdAt) {

    static final String COLLECTION = "idempotency_keys";

    boolean completed() {
        return result != null;
    }
}
