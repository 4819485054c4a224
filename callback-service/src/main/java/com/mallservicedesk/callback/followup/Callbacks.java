package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Schedules a callback for every completed work order and records its result. */
@Service
class Callbacks {

    private final CallbackRepository callbacks;
    private final EventFactory events;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration dueAfter;
    private final CallbackMetrics metrics;

    Callbacks(CallbackRepository callbacks, EventFactory events, JsonMapper json, Clock clock,
              @Value("${callback.due-after}") Duration dueAfter, CallbackMetrics metrics) {
        this.metrics = metrics;
        this.callbacks = callbacks;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.dueAfter = dueAfter;
    }

    Mono<Void> scheduleFor(IncomingEvent event) {
        CompletedWorkOrder work = event.dataAs(json, CompletedWorkOrder.class);
        Callback callback = Callback.schedule(event.id(), event.mallId(), work, dueAfter);
        callback.getOutbox().add(events.pending(event.mallId(), callback.getId(), work.requestId(), callback.scheduled()));
        return callbacks.insert(callback).doOnSuccess(metrics::scheduled).then()
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
    }

    Mono<Callback> record(String mallId, String id, CallbackResult result, PlatformUser user) {
        return find(mallId, id).flatMap(callback -> {
            var completed = callback.record(result, user.id(), clock.instant());
            callback.getOutbox().add(events.pending(mallId, callback.getId(), callback.getRequestId(), completed));
            return callbacks.save(callback).doOnSuccess(metrics::completed);
        });
    }

    Mono<Callback> find(String mallId, String id) {
        return callbacks.findByIdAndMallId(id, mallId).switchIfEmpty(Mono.error(() -> ApiException.notFound("callback", id)));
    }
}
