package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Loads a request of one mall, applies a change and saves state and events in one write. A concurrent change
 * (the version moved) reloads and applies the change again, so department events and front-desk actions
 * arriving together do not fail each other.
 */
@Component
class RequestStore {

    private final RequestRepository requests;
    private final EventFactory events;

    RequestStore(RequestRepository requests, EventFactory events) {
        this.requests = requests;
        this.events = events;
    }

    Mono<ServiceRequest> find(String mallId, String id) {
        return requests.findByIdAndMallId(id, mallId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("request", id)));
    }

    /** Applies the change to the request; 404 if this mall has no such request. */
    Mono<ServiceRequest> change(String mallId, String id, Function<ServiceRequest, List<DomainEvent>> change) {
        return Mono.defer(() -> find(mallId, id).flatMap(request -> save(request, change.apply(request))))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    Mono<ServiceRequest> save(ServiceRequest request, List<DomainEvent> caused) {
        request.getOutbox().addAll(events.pending(request.getMallId(), request.getId(), request.getId(), caused));
        return requests.save(request);
    }
}
