package com.mallservicedesk.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The data of an event an aggregate causes. Implementations are plain records whose components
 * are the event's JSON {@code data}; the type names the versioned wire contract.
 */
public interface DomainEvent {

    @JsonIgnore
    EventType eventType();
}
