package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** Makes the {@link AggregateStore} of each aggregate type a service has. */
public class AggregateStores {

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;

    public AggregateStores(ReactiveMongoTemplate mongo, EventFactory events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** @param resource the name 404 problems use for it, for example {@code work-order} */
    public <T extends OutboxCarrier> AggregateStore<T> of(Class<T> type, String resource) {
        return new AggregateStore<>(mongo, events, type, resource, Mono::just, null);
    }
}
