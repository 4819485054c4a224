package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The reception log's requests, stored and changed the kit's one way (by key, events in the same write), each write
 * with the request's keys as its state implies: in the mall's log, and in the acceptance queue while it waits.
 */
@Configuration
class RequestStore {

    @Bean
    AggregateStore<ServiceRequest> serviceRequests(AggregateStores stores) {
        return stores.of(ServiceRequest.class, "request").beforeSave(request -> Mono.just(request.keyed()));
    }
}
