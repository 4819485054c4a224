package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.IncomingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * What one named consumer does with each event type it cares about. Types it does not list are
 * acknowledged and left alone: a topic carries events for many consumers.
 */
public final class EventHandlers {

    private final String consumer;
    private final Map<String, Function<IncomingEvent, Mono<?>>> byType = new LinkedHashMap<>();

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** @param consumer a stable name: the key of this consumer's processed-event records */
    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    public EventHandlers on(String type, Function<IncomingEvent, Mono<?>> handler) {
        byType.put(type, handler);
        return this;
    }

    String consumer() {
        return consumer;
    }

    Function<IncomingEvent, Mono<?>> handlerFor(String type) {
        return byType.get(type);
    }
}
