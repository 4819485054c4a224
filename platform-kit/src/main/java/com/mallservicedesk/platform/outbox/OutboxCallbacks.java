package com.mallservicedesk.platform.outbox;

import org.bson.Document;
import org.reactivestreams.Publisher;
import org.springframework.data.mongodb.core.mapping.event.ReactiveAfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.ReactiveBeforeSaveCallback;
import reactor.core.publisher.Mono;

/**
 * Hooks every insert and save of an {@link OutboxCarrier}, whichever way it is written: the relay's state goes into the
 * same write as the pending work (so a crash right after the write leaves a trace the relay follows, at no extra
 * command), and the relay is handed the document right after the write commits (so events leave within
 * milliseconds).
 */
public class OutboxCallbacks implements ReactiveBeforeSaveCallback<Object>, ReactiveAfterSaveCallback<Object> {

    private final OutboxRelay relay;

    public OutboxCallbacks(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Publisher<Object> onBeforeSave(Object entity, Document document, String collection) {
        if (entity instanceof OutboxCarrier carrier) {
            relay.beforeWrite(collection, carrier, document);
        }
        return Mono.just(entity);
    }

    @Override
    public Publisher<Object> onAfterSave(Object entity, Document document, String collection) {
        if (entity instanceof OutboxCarrier carrier && carrier.hasPendingWork()) {
            relay.afterWrite(collection, document);
        }
        return Mono.just(entity);
    }
}
