package com.mallservicedesk.platform.events;

import java.time.Instant;

/**
 * An event stored inside the aggregate document that caused it, waiting for the outbox relay.
 * Storing it in the same document as the state change makes the two one atomic write.
 *
 * @param data the CloudEvents {@code data}, already serialised to JSON so it is sent byte for byte
 *             as it was when the change happened
 */
public record PendingEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String subject,
        String mallId,
        String correlationId,
        Instant time,
        String data) {
}
