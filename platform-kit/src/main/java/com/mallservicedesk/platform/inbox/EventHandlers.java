package com.mallservicedesk.platform.inbox;

import com.mallservicedesk.platform.events.IncomingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * What one named consumer does with each event type it cares about, each with the consumer's own trimmed copy of
 * the event's data (unknown fields ignored, unreadable data is poison). Types it does not list are acknowledged and
 * left alone: a topic carries events for many consumers.
 */
public final class EventHandlers {

    /** Handles one event: its envelope (ids, mall, time) and its data, read into the consumer's own type. */
    @FunctionalInterface
    public interface Handler<T> extends BiFunction<IncomingEvent, T, Mono<?>> {
    }

    /** @param recorded whether the inbox keeps a processed-event record for this type (see {@link #onRepeatable}) */
    private record Typed<T>(Class<T> dataType, Handler<T> handler, boolean recorded) {
        Mono<?> handle(IncomingEvent event, tools.jackson.databind.json.JsonMapper json) {
            return handler.apply(event, event.dataAs(json, dataType));
        }
    }

    private final String consumer;
    private final Map<String, Typed<?>> byType = new LinkedHashMap<>();

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** @param consumer a stable name: the key of this consumer's processed-event records */
    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    /** Handles the type at most once per event id: the inbox records each processed event. */
    public <T> EventHandlers on(String type, Class<T> dataType, Handler<T> handler) {
        byType.put(type, new Typed<>(dataType, handler, true));
        return this;
    }

    /**
     * For a handler whose own writes already make a repeat harmless: it creates by an id derived from the event (insert
     * once) or changes state only forward (a repeat finds the change made and returns no events). The inbox then
     * skips the processed-event check and record, two store round trips per event on the hot path. Counters kept
     * with {@code $inc} are not such handlers.
     */
    public <T> EventHandlers onRepeatable(String type, Class<T> dataType, Handler<T> handler) {
        byType.put(type, new Typed<>(dataType, handler, false));
        return this;
    }

    String consumer() {
        return consumer;
    }

    boolean handles(String type) {
        return byType.containsKey(type);
    }

    boolean records(String type) {
        return byType.get(type).recorded();
    }

    Mono<?> handle(IncomingEvent event, tools.jackson.databind.json.JsonMapper json) {
        return byType.get(event.type()).handle(event, json);
    }
}
