package com.mallservicedesk.claims.claim;

import java.time.Instant;

/**
 * The report to the insurer through its API, and how delivering it goes. Each request to report starts a round; each
 * round is tried until delivered (durable retry timers while the insurer is down) or refused by the insurer.
 *
 * @param sendingUntil while an attempt is under way; after it an interrupted attempt may be made again
 */
public record InsurerDelivery(State state, int round, int attempts, Instant requestedAt, String requestedBy,
                              Instant lastAttemptAt, String lastError, Instant nextAttemptAt, Instant sendingUntil,
                              String insurerReference, Instant reportedAt) {

    public enum State { PENDING, SENDING, FAILED, REJECTED, DELIVERED, CANCELLED }
}
