package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registers a contact: numbers it, stores it with its events in one write; the outbox relay publishes them. */
@Service
class RequestRegistration {

    private final RequestRepository requests;
    private final RequestNumbers numbers;
    private final EventFactory events;
    private final Clock clock;

    RequestRegistration(RequestRepository requests, RequestNumbers numbers, EventFactory events, Clock clock) {
        this.requests = requests;
        this.numbers = numbers;
        this.events = events;
        this.clock = clock;
    }

    Mono<ServiceRequest> register(String mallId, RegisterRequest command, PlatformUser user) {
        var now = clock.instant();
        String id = UUID.randomUUID().toString();
        return numbers.next(mallId, now).flatMap(number -> {
            var registration = ServiceRequest.register(id, mallId, number, command, new Owner(user.id(), user.name()), now);
            var request = registration.request();
            request.getOutbox().addAll(events.pending(mallId, id, id, registration.events()));
            return requests.save(request);
        });
    }
}
