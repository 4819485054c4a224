package com.mallservicedesk.platform.housekeeping;

import com.mallservicedesk.platform.config.PlatformProperties;
import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the kit's bookkeeping once it can no longer matter, so a service that runs for years does not
 * grow without bound: processed-event records older than any redelivery (Kafka keeps records 7 days by
 * default) and idempotency keys older than any client retry (fired and cancelled timers are deleted at once). A periodic
 * delete rather than TTL indexes, because the embedded MongoDB-wire server does not enforce TTL.
 *
 * <p>Processed-event records expire by key, not by a scan of their time: a record's key is
 * {@code <consumer>/<event id>}, and the platform's event ids sort by the time they were made ({@link TimeOrderedIds}),
 * so a consumer's expired records are the keys from {@code <consumer>/} up to the lowest id made at the cutoff. The
 * consumers are read from the keys themselves, one look-up each for the first key after the last consumer's. The
 * scan this replaces read every record every hour: 141,374 of them in survey alone at 124,000 stored requests. A record
 * of an event whose id does not sort by time (not made by the platform) may go sooner or stay; consumers' handlers are
 * idempotent either way. Idempotency keys expire by a range of their creation key's index in the same way.
 */
public class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final PlatformProperties.Housekeeping settings;
    private final PollingLoop loop;

    public Housekeeping(ReactiveMongoTemplate mongo, Clock clock, PlatformProperties.Housekeeping settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.loop = new PollingLoop("Housekeeping", settings.interval(), Flux.empty(), this::pruneOnce);
    }

    /** One round; completes with the number of documents deleted. */
    public Mono<Long> pruneOnce() {
        Instant now = clock.instant();
        String expired = TimeOrderedIds.lowestMadeAt(now.minus(settings.processedEventsRetention()));
        return Flux.concat(
                        expireProcessedEventsAfter("", expired),
                        delete(IdempotentRequests.COLLECTION,
                                IdempotentRequests.createdBefore(now.minus(settings.idempotencyKeysRetention()))))
                .reduce(0L, Long::sum)
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("Housekeeping deleted {} expired bookkeeping records", deleted);
                    }
                });
    }

    /** Deletes the expired records of the first consumer whose key sorts after {@code after}, then of the next ones. */
    private Mono<Long> expireProcessedEventsAfter(String after, String expiredBefore) {
        var nextKey = Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(1);
        nextKey.fields().include("_id");
        return mongo.findOne(nextKey, Document.class, ProcessedEvent.COLLECTION)
                .flatMap(found -> {
                    String key = found.getString("_id");
                    int slash = key.indexOf('/');
                    if (slash < 0) {
                        return expireProcessedEventsAfter(key, expiredBefore); // not a consumer's record: passed over
                    }
                    String consumer = key.substring(0, slash + 1);
                    return delete(ProcessedEvent.COLLECTION,
                            Query.query(Criteria.where("_id").gte(consumer).lt(consumer + expiredBefore)))
                            .flatMap(deleted -> expireProcessedEventsAfter(consumer + Character.MAX_VALUE, expiredBefore)
                                    .map(later -> deleted + later));
                })
                .defaultIfEmpty(0L);
    }

    private Mono<Long> delete(String collection, Query expired) {
        return mongo.remove(expired, collection).map(result -> result.getDeletedCount());
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
