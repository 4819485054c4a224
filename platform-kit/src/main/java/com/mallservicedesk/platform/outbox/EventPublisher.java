package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import reactor.core.publisher.Mono;

/** Sends one event to the broker; completes only when the broker has acknowledged it. */
public interface EventPublisher {

    Mono<Void> publish(PendingEvent event);
}
