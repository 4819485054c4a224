package com.mallservicedesk.platform.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the platform kit; every one has a default that suits the local platform. */
@ConfigurationProperties("platform")
public record PlatformProperties(
        @DefaultValue Outbox outbox,
        @DefaultValue Inbox inbox,
        @DefaultValue Topics topics,
        @DefaultValue Timers timers,
        @DefaultValue Housekeeping housekeeping,
        @DefaultValue Idempotency idempotency,
        @DefaultValue Metrics metrics,
        @DefaultValue ConfigurationChanges configurationChanges) {

    /** @param claim how long a call holds its key before a crash's leftover claim lapses and a retry may run */
    public record Idempotency(@DefaultValue("PT1M") Duration claim) {
    }

    /** @param maxMalls distinct {@code mall} tag values kept; meters of further malls are dropped */
    public record Metrics(@DefaultValue("1000") int maxMalls) {
    }

    /**
     * @param pollInterval how often the relay looks for work that a dispatch right after the write did not finish
     *                     (after a failure or a crash)
     * @param maxInFlight  aggregate documents relayed at once
     * @param lease        how long one instance may work on a document before another may take it over
     */
    public record Outbox(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("100") int batchSize,
                         @DefaultValue("PT10S") Duration sendTimeout, @DefaultValue("64") int maxInFlight,
                         @DefaultValue("PT30S") Duration lease) {
    }

    /**
     * @param retryMaxElapsed how long a failing record is retried before it goes to the dead-letter topic
     * @param concurrency     records of different keys a consumer thread handles at once (see EventInbox)
     */
    public record Inbox(@DefaultValue("PT0.5S") Duration retryInitialInterval, @DefaultValue("PT30S") Duration retryMaxElapsed,
                        @DefaultValue("PT30S") Duration handlerTimeout, @DefaultValue("16") int concurrency) {
    }

    /**
     * @param pollInterval how often due timers are looked for: a timer fires at most about this late
     * @param lease        how long an instance may take to fire a timer before another instance retries it
     * @param maxAttempts  after this many failed firings the timer is set aside in {@code timers_failed}
     */
    public record Timers(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("PT30S") Duration lease,
                         @DefaultValue("10") int maxAttempts) {
    }

    /**
     * @param pollInterval how often each instance looks for configuration another instance changed: a change is seen
     *                     there about this late
     * @param kept         changes kept for the instances to read; one that misses more reads every kept configuration
     *                     again
     */
    public record ConfigurationChanges(@DefaultValue("PT1S") Duration pollInterval, @DefaultValue("200") int kept) {
    }

    /**
     * @param processedEventsRetention longer than Kafka keeps records, so no redelivery outlives its record
     * @param idempotencyKeysRetention longer than any client retries a creating call
     */
    public record Housekeeping(@DefaultValue("PT1H") Duration interval,
                               @DefaultValue("P14D") Duration processedEventsRetention,
                               @DefaultValue("P7D") Duration idempotencyKeysRetention) {
    }

    /**
     * @param owned    topics this service publishes to (created with the partitions and replicas below)
     * @param consumed topics this service reads; their dead-letter topics are created here
     */
    public record Topics(@DefaultValue List<String> owned, @DefaultValue List<String> consumed,
                         @DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
    }
}
