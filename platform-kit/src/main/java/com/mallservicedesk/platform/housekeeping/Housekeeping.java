package com.mallservicedesk.platform.housekeeping;

import com.mallservicedesk.platform.config.PlatformProperties;
import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.polling.PollingLoop;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
        return Flux.concat(
                        delete(ProcessedEvent.COLLECTION, Criteria.where("processedAt").lt(now.minus(settings.processedEventsRetention()))),
                        delete(IdempotentRequests.COLLECTION, Criteria.where("createdAt").lt(now.minus(settings.idempotencyKeysRetention()))))
                .reduce(0L, Long::sum)
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("Housekeeping deleted {} expired bookkeeping records", deleted);
                    }
                });
    }

    private Mono<Long> delete(String collection, Criteria expired) {
        return mongo.remove(Query.query(expired), collection).map(result -> result.getDeletedCount());
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
