package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.PoisonEventException;
import java.time.DateTimeException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Sorts a consumer's failures by what a retry can do about them:
 * <ul>
 *   <li><b>deterministic</b>: the same record fails the same way every time (bad data, a rule the data breaks).
 *       Retrying only blocks the partition, which every mall on it shares; the record goes to the dead-letter
 *       topic at once.</li>
 *   <li><b>transient</b>: the store or the broker is away. Every record would fail now and succeed later; the
 *       consumer backs off and keeps trying, and nothing is dead-lettered, so a failover does not fill the DLT.</li>
 *   <li>anything else is retried for a while and then dead-lettered.</li>
 * </ul>
 */
public final class ConsumerErrors {

    static final List<Class<? extends Exception>> DETERMINISTIC = List.of(
            PoisonEventException.class,
            IllegalArgumentException.class,
            DateTimeException.class,
            ArithmeticException.class,
            NullPointerException.class,
            ClassCastException.class,
            IndexOutOfBoundsException.class,
            tools.jackson.core.JacksonException.class);

    private ConsumerErrors() {
    }

    public static boolean deterministic(Throwable failure) {
        return causes(failure).anyMatch(cause -> DETERMINISTIC.stream().anyMatch(type -> type.isInstance(cause)));
    }

    public static boolean transientFailure(Throwable failure) {
        return !deterministic(failure) && causes(failure).anyMatch(cause ->
                cause instanceof DataAccessResourceFailureException
                        || cause instanceof TransientDataAccessException
                        || cause instanceof TimeoutException
                        || cause instanceof com.mongodb.MongoSocketException
                        || cause instanceof com.mongodb.MongoTimeoutException
                        || cause instanceof com.mongodb.MongoNotPrimaryException
                        || cause instanceof com.mongodb.MongoNodeIsRecoveringException
                        || cause instanceof org.apache.kafka.common.errors.RetriableException
                        || cause instanceof java.net.ConnectException);
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable failure) {
        return java.util.stream.Stream.iterate(failure, cause -> cause != null, cause ->
                cause.getCause() == cause ? null : cause.getCause()).limit(20);
    }
}
