package com.mallservicedesk.platform.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The record that a consumer has fully handled an event; its key {@code <consumer>/<event id>} makes a second one impossible. */
@Document(ProcessedEvent.COLLECTION)
public record ProcessedEvent(@Id String id, String consumer, String eventId, String type, String mallId, Instant processedAt) {

    public static final String COLLECTION = "processed_events";
}
