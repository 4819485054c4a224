package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.PoisonEventException;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries a failing record with exponential back-off, then publishes it to {@code <topic>.DLT} with the
 * exception class, message and stack trace in the {@code kafka_dlt-exception-*} headers and the original
 * topic, partition and offset in {@code kafka_dlt-original-*}. Poison records skip the retries.
 */
public final class DeadLetterErrorHandlerFactory {

    public static final String DLT_SUFFIX = ".DLT";

    private DeadLetterErrorHandlerFactory() {
    }

    public static DefaultErrorHandler create(KafkaTemplate<?, ?> template, Duration initialInterval, Duration maxElapsed) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(Math.max(initialInterval.toMillis(), maxElapsed.toMillis() / 4));
        backOff.setMaxElapsedTime(maxElapsed.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }
}
