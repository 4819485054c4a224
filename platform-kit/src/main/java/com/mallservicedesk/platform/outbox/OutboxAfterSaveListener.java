package com.mallservicedesk.platform.outbox;

import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Starts a relay round as soon as a document with pending events is saved, instead of waiting for the poll. */
public class OutboxAfterSaveListener implements ApplicationListener<AfterSaveEvent<?>> {

    private final OutboxRelay relay;

    public OutboxAfterSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onApplicationEvent(AfterSaveEvent<?> event) {
        if (event.getSource() instanceof OutboxCarrier carrier && !carrier.getOutbox().isEmpty()) {
            relay.nudge();
        }
    }
}
