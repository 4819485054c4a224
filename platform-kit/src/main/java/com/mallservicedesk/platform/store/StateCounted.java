package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.util.List;
import java.util.Map;

/**
 * An aggregate counted by its state in {@link StateCounters}. It keeps the labels it is counted under, so each change
 * that moves it to other labels stores the move ({@link CounterMove}) in the same write, for the outbox relay to apply:
 * no counter is moved for a change that was not stored, and none is left unmoved by a crash after one that was. Both
 * are plain stored fields with getters; only {@link AggregateStore} changes them.
 */
public interface StateCounted extends OutboxCarrier {

    /** The labels the aggregate is counted under; null if it is new, or was stored before it kept them. */
    Map<String, Object> getCountedAs();

    void setCountedAs(Map<String, Object> labels);

    /** A stored, mutable list. */
    @Override
    List<CounterMove> getCountOutbox();
}
