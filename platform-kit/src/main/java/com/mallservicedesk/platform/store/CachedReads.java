package com.mallservicedesk.platform.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Keeps what a hot path reads by key on every request but changes rarely (a mall's settings, its policies, routing
 * and calendars) until it changes, so that a registration does not pay a store round trip for each. Made by
 * {@link ConfigurationChanges#cache}: a change reported through {@link #changed} is seen at once on this instance and
 * within about a second on the service's other instances; {@code timeToLive} only bounds how long an entry can outlive
 * a change that could not be reported. Absence is kept too: most malls never store a policy and use the defaults.
 */
public final class CachedReads<V> {

    private record Entry<V>(Optional<V> value, Instant expiresAt) {
    }

    private final Duration timeToLive;
    private final int maxEntries;
    private final Clock clock;
    private final Function<String, Mono<Void>> recordChange;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Counts forgetting: a read that was on its way meanwhile may hold the old value, so it is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    CachedReads(Duration timeToLive, int maxEntries, Clock clock, Function<String, Mono<Void>> recordChange) {
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.recordChange = recordChange;
    }

    /** The value kept for the key if still fresh, else what {@code load} reads now (empty when there is none). */
    public Mono<V> get(String key, Supplier<Mono<V>> load) {
        Instant now = clock.instant();
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.expiresAt().isAfter(now)) {
            return Mono.justOrEmpty(kept.value());
        }
        return Mono.defer(() -> {
            long forgottenBefore = forgotten.get();
            return load.get().map(Optional::of).defaultIfEmpty(Optional.empty())
                    .doOnNext(value -> keep(key, new Entry<>(value, now.plus(timeToLive)), now, forgottenBefore));
        }).flatMap(Mono::justOrEmpty);
    }

    /**
     * After a change to what the key reads has been stored: forgotten here at once, and recorded so that the service's
     * other instances forget it too. Fails when the change could not be recorded; retrying the change records it.
     */
    public Mono<Void> changed(String key) {
        return Mono.defer(() -> {
            forget(key);
            return recordChange.apply(key);
        });
    }

    /** The next read of the key goes to the store. */
    void forget(String key) {
        forgotten.incrementAndGet();
        entries.remove(key);
    }

    /** Every next read goes to the store. */
    void clear() {
        forgotten.incrementAndGet();
        entries.clear();
    }

    private void keep(String key, Entry<V> entry, Instant now, long forgottenBefore) {
        if (entries.size() >= maxEntries) {
            // Bounded without bookkeeping: expired entries go first, everything if that is not enough.
            entries.values().removeIf(kept -> !kept.expiresAt().isAfter(now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, entry);
        // Checked after the put: a forget that comes later removes the entry itself.
        if (forgotten.get() != forgottenBefore) {
            entries.remove(key, entry);
        }
    }
}
