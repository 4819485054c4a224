package com.mallservicedesk.platform.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Keeps what a hot path reads by key on every request but changes rarely (a mall's settings, its policies, routing
 * and calendars) for a few seconds, so that a registration does not pay a store round trip for each. A change made
 * on this instance is seen at once ({@link #forget}); one made on another instance within {@code timeToLive}. Absence
 * is kept too: most malls never store a policy and use the defaults.
 */
public final class CachedReads<V> {

    private record Entry<V>(Optional<V> value, Instant expiresAt) {
    }

    private final Duration timeToLive;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    public CachedReads(Duration timeToLive, int maxEntries, Clock clock) {
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The value kept for the key if still fresh, else what {@code load} reads now (empty when there is none). */
    public Mono<V> get(String key, Supplier<Mono<V>> load) {
        Instant now = clock.instant();
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.expiresAt().isAfter(now)) {
            return Mono.justOrEmpty(kept.value());
        }
        return Mono.defer(load).map(Optional::of).defaultIfEmpty(Optional.empty()).doOnNext(value -> {
            if (entries.size() >= maxEntries) {
                // Bounded without bookkeeping: expired entries go first, everything if that is not enough.
                entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry<>(value, now.plus(timeToLive)));
        }).flatMap(Mono::justOrEmpty);
    }

    /** After a change on this instance: the next read goes to the store. */
    public void forget(String key) {
        entries.remove(key);
    }
}
