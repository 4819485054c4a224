package com.mallservicedesk.platform.events;

import com.mallservicedesk.platform.store.TimeOrderedIds;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Turns the events an aggregate returns into {@link PendingEvent}s ready to be stored with it. */
public class EventFactory {

    private final JsonMapper json;
    private final Clock clock;

    public EventFactory(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param subject       the aggregate the event is about ({@code ce_subject})
     * @param correlationId the originating request id: record key and {@code ce_correlationid}
     */
    public PendingEvent pending(String mallId, String subject, String correlationId, DomainEvent event) {
        EventType type = event.eventType();
        return new PendingEvent(TimeOrderedIds.next(), type.type(), type.topic(), correlationId, subject,
                mallId, correlationId, clock.instant(), json.writeValueAsString(event));
    }

    public List<PendingEvent> pending(String mallId, String subject, String correlationId, List<? extends DomainEvent> events) {
        return events.stream().map(e -> pending(mallId, subject, correlationId, e)).toList();
    }
}
