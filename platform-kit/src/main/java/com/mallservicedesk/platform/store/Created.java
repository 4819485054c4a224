package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.util.List;

/** What an aggregate's factory returns: the new aggregate and the events its creation causes. */
public record Created<T extends OutboxCarrier>(T aggregate, List<? extends DomainEvent> events) {

    public static <T extends OutboxCarrier> Created<T> of(T aggregate, DomainEvent... events) {
        return new Created<>(aggregate, List.of(events));
    }
}
