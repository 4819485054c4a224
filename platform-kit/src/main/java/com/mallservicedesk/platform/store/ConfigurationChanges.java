package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.polling.PollingLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Tells every instance of a service which of its {@link CachedReads} keys changed, so that each can keep what it read
 * until it changes instead of reading it again every few seconds. The service's own database holds one document,
 * {@code configuration_changes/recent}: a sequence and the last {@code kept} changes (cache and key), both written by
 * one atomic update, so the last change kept is always number {@code seq}. Every {@code pollInterval} each instance
 * reads that document by {@code _id} and forgets the keys changed since the sequence it saw last; it reads it once when
 * it starts too, before the service takes work. One that fell further behind than the changes kept (or read what it
 * keeps before its first poll) forgets everything, as it cannot tell what it missed. A change stored but never recorded
 * (its caller failed in between and was not retried) is seen elsewhere only when the entry's time to live runs out.
 */
public final class ConfigurationChanges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationChanges.class);
    public static final String COLLECTION = "configuration_changes";
    static final String RECENT = "recent";
    /** Per cache: about 20 keys per mall for 500 malls. */
    static final int MAX_ENTRIES = 10_000;
    /** A read that hangs must not stop this instance from seeing later changes. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final int kept;
    private final Map<String, CachedReads<?>> caches = new ConcurrentHashMap<>();
    private final PollingLoop loop;
    private final Object lifecycle = new Object();
    /** The sequence of the last change this instance acted on; none before the first poll. */
    private long seen = -1;
    private boolean started;

    /** @param kept changes kept in the document: an instance that misses more between two polls forgets everything */
    public ConfigurationChanges(ReactiveMongoTemplate mongo, Clock clock, Duration pollInterval, int kept) {
        this.mongo = mongo;
        this.clock = clock;
        this.kept = kept;
        this.loop = new PollingLoop("Configuration changes", pollInterval, Flux.empty(), this::poll);
    }

    /** A cache whose {@link CachedReads#changed changes} every instance of the service sees; its name is its own. */
    public <V> CachedReads<V> cache(String name, Duration timeToLive) {
        CachedReads<V> cache = new CachedReads<>(timeToLive, MAX_ENTRIES, clock, key -> record(name, key));
        if (caches.putIfAbsent(name, cache) != null) {
            throw new IllegalArgumentException("A cache named " + name + " exists already");
        }
        pollIfCaching();
        return cache;
    }

    private Mono<Void> record(String cache, String key) {
        var change = new Document("cache", cache).append("key", key).append("at", Date.from(clock.instant()));
        var update = new Update().inc("seq", 1L).push("changes").slice(-kept).each(change);
        return mongo.upsert(Query.query(Criteria.where("_id").is(RECENT)), update, COLLECTION)
                // Two first changes at once: the one that did not insert the document updates it.
                .retryWhen(Retry.max(1).filter(DuplicateKeyException.class::isInstance))
                .then();
    }

    /** One round: forgets what changed since the last one. */
    private Mono<Void> poll() {
        return mongo.findById(RECENT, Document.class, COLLECTION).timeout(READ_TIMEOUT)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .doOnNext(recent -> catchUp(recent.orElse(null)))
                .then();
    }

    private synchronized void catchUp(Document recent) {
        Number stored = recent == null ? null : recent.get("seq", Number.class);
        long seq = stored == null ? 0 : stored.longValue();
        List<Document> changes = recent == null ? List.of() : recent.getList("changes", Document.class, List.of());
        long missed = seq - seen;
        if (missed == 0) {
            return;
        }
        // Also when the sequence went back: the document was removed, and its changes with it.
        if (seen < 0 || missed < 0 || missed > changes.size()) {
            if (seen >= 0) {
                log.info("Configuration changes at {} after {} here, {} kept: every kept configuration is read again",
                        seq, seen, changes.size());
            }
            caches.values().forEach(CachedReads::clear);
        } else {
            for (Document change : changes.subList(changes.size() - (int) missed, changes.size())) {
                CachedReads<?> cache = caches.get(change.getString("cache"));
                if (cache != null) {
                    cache.forget(change.getString("key"));
                }
            }
        }
        seen = seq;
    }

    private void pollIfCaching() {
        synchronized (lifecycle) {
            // A service that keeps nothing (or not yet) has nothing to poll for.
            if (started && !caches.isEmpty() && !loop.isRunning()) {
                loop.start();
            }
        }
    }

    @Override
    public void start() {
        if (!caches.isEmpty()) {
            // Caught up before the service reads anything: entries read from now on need not be thrown away later.
            poll().onErrorResume(error -> {
                log.warn("Configuration changes not read at start, the next poll will: {}", error.toString());
                return Mono.empty();
            }).block();
        }
        synchronized (lifecycle) {
            started = true;
            pollIfCaching();
        }
    }

    /** Before the web server and the event consumers start, after they stopped. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            started = false;
            loop.stop();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return started;
        }
    }
}
