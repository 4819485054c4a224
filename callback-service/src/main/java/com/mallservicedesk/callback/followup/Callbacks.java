package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Schedules a callback for every completed work order and records its result. */
@Service
class Callbacks {

    private final AggregateStore<Callback> callbacks;
    private final Clock clock;
    private final Duration dueAfter;
    private final CallbackMetrics metrics;

    Callbacks(AggregateStores stores, Clock clock, @Value("${callback.due-after}") Duration dueAfter,
              CallbackMetrics metrics) {
        this.callbacks = stores.of(Callback.class, "callback");
        this.metrics = metrics;
        this.clock = clock;
        this.dueAfter = dueAfter;
    }

    /** One callback per completion: a redelivered completion finds it stored and changes nothing. */
    Mono<Void> scheduleFor(IncomingEvent event, CompletedWorkOrder work) {
        return callbacks.create(Callback.schedule(event.id(), event.mallId(), work, dueAfter))
                .doOnNext(metrics::scheduled)
                .then();
    }

    Mono<Callback> record(String mallId, String id, CallbackResult result, PlatformUser user) {
        return callbacks.change(mallId, id, callback -> callback.record(result, user.id(), clock.instant()))
                .doOnSuccess(metrics::completed);
    }

    Mono<Callback> find(String mallId, String id) {
        return callbacks.find(mallId, id);
    }
}
