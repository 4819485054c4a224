package com.mallservicedesk.platform.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The record that a consumer has fully handled an event; the unique index makes a second one impossible. */
@Document(ProcessedEvent.COLLECTION)
@CompoundIndex(name = "consumer_event", def = "{'consumer': 1, 'eventId': 1}", unique = true)
public record ProcessedEvent(@Id String id, String consumer, String eventId, String type, String mallId, Instant processedAt) {

    public static final String COLLECTION = "processed_events";
}
