package com.mallservicedesk.platform.store;

import java.util.Map;
import java.util.UUID;

/**
 * An aggregate's move from one counted state to another, stored in the aggregate document in the same write as the
 * change that caused it (like its pending events and timer changes) and applied to the {@link StateCounters} by the
 * outbox relay, once, however often the relay is interrupted.
 *
 * @param moveId   unique per move: the key under which the counters note it as applied
 * @param counters the collection of the counters
 * @param from     the labels the aggregate was counted under; null for a new aggregate
 * @param to       the labels it is counted under from now on
 */
public record CounterMove(String moveId, String counters, Map<String, Object> from, Map<String, Object> to) {

    static CounterMove between(String counters, Map<String, Object> from, Map<String, Object> to) {
        return new CounterMove(UUID.randomUUID().toString(), counters, from, to);
    }
}
