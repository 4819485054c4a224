package com.mallservicedesk.platform.outbox;

import java.time.Instant;

/**
 * Who carries out an aggregate document's pending work, stored in the document (field {@value OutboxCarrier#RELAY_FIELD})
 * in the same write as that work, and removed with the last of it. The relay writes it; an aggregate only keeps it as it
 * was loaded, so that its next save neither takes the document from a relay still working on it nor cuts a back-off
 * short.
 *
 * @param holder   the lease's token while one relay works on the document; null while it waits for a retry
 * @param until    while held, when the lease runs out; while waiting, when the next try may begin. Either way the
 *                 earliest time another relay's poll may take the document
 * @param failures sends that failed in a row, for the back-off
 */
public record RelayState(String holder, Instant until, int failures) {
}
