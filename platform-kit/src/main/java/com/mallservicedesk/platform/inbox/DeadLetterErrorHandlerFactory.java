package com.mallservicedesk.platform.inbox;

import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Handles a failing record by what a retry can do ({@link ConsumerErrors}): deterministic failures go to
 * {@code <topic>.DLT} at once; an unavailable store or broker is retried until it is back, without dead-lettering;
 * anything else is retried with exponential back-off and then dead-lettered. Dead letters carry the exception class,
 * message and stack trace in the {@code kafka_dlt-exception-*} headers and the original topic, partition and offset
 * in {@code kafka_dlt-original-*}.
 */
public final class DeadLetterErrorHandlerFactory {

    public static final String DLT_SUFFIX = ".DLT";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandlerFactory.class);

    private DeadLetterErrorHandlerFactory() {
    }

    public static DefaultErrorHandler create(KafkaTemplate<?, ?> template, Duration initialInterval, Duration maxElapsed,
                                             MeterRegistry meters) {
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            deadLetters.accept(record, exception);
            // Counted after the DLT accepted it: an alert on this counter means a record needs a person.
            meters.counter("platform.inbox.dead.letters", "topic", record.topic()).increment();
            log.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), exception.toString());
        };
        var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(initialInterval.toMillis(), maxElapsed.toMillis() / 4));
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        // The store or the broker away: keep trying, at least once per retry period, until it is back; never
        // dead-letter for it.
        var untilBack = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        untilBack.setMaxInterval(Math.max(initialInterval.toMillis(), maxElapsed.toMillis()));
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, failure) -> {
            if (ConsumerErrors.transientFailure(failure)) {
                log.info("Store or broker unavailable while handling {}-{}@{}; retrying: {}", record.topic(),
                        record.partition(), record.offset(), failure.toString());
                return untilBack;
            }
            return null;
        });
        ConsumerErrors.DETERMINISTIC.forEach(handler::addNotRetryableExceptions);
        return handler;
    }
}
