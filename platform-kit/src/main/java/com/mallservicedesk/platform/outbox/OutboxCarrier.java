package com.mallservicedesk.platform.outbox;

import com.mallservicedesk.platform.events.PendingEvent;
import java.util.List;

/**
 * An aggregate document that carries the events its last changes caused, in a field named
 * {@value #FIELD}. Saving the document stores state and events in one atomic write; the
 * {@link OutboxRelay} publishes and then removes them.
 */
public interface OutboxCarrier {

    String FIELD = "outbox";

    List<PendingEvent> getOutbox();
}
