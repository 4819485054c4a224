package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.store.CounterMove;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.util.List;

/**
 * An aggregate document that carries what its last changes caused and that is not yet done: the events to publish
 * (field {@value #FIELD}), the timers to schedule or cancel (field {@value #TIMERS_FIELD}) and, in aggregates counted
 * by state, the moves of their counters (field {@value #COUNTS_FIELD}). Saving the document stores all of it with the
 * state in one atomic write; the {@link OutboxRelay} carries it out and then removes it. The aggregate needs a
 * {@code @Version} field: the relay's removal moves it, so a save of a copy loaded before the removal fails and is
 * retried instead of writing sent events back. It also keeps the relay's state ({@value #RELAY_FIELD}, see
 * {@link RelayState}) as it was loaded: a plain field with a getter, never changed by the aggregate.
 */
public interface OutboxCarrier {

    String FIELD = "outbox";
    String TIMERS_FIELD = "timerOutbox";
    String COUNTS_FIELD = "countOutbox";
    String RELAY_FIELD = "relay";

    String getId();

    String getMallId();

    /** The originating request id: record key and {@code ce_correlationid} of the events. */
    default String correlationId() {
        return getId();
    }

    List<PendingEvent> getOutbox();

    /** Override with a stored, mutable list in aggregates that own timers. */
    default List<PendingTimer> getTimerOutbox() {
        return List.of();
    }

    /** Overridden by aggregates counted by state ({@link com.mallservicedesk.platform.store.StateCounted}). */
    default List<CounterMove> getCountOutbox() {
        return List.of();
    }

    /** The relay's state as loaded (null in a new aggregate, or when nothing is pending). */
    RelayState getRelay();

    default boolean hasPendingWork() {
        return !getOutbox().isEmpty() || !getTimerOutbox().isEmpty() || !getCountOutbox().isEmpty();
    }
}
