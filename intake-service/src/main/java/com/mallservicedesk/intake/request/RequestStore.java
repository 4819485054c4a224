package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The reception log's requests, stored and changed the kit's one way (by key, events in the same write), each write
 * with the request's key in the acceptance queue as its state implies.
 */
@Configuration
class RequestStore {

    @Bean
    AggregateStore<ServiceRequest> serviceRequests(AggregateStores stores) {
        return stores.of(ServiceRequest.class, "request").beforeSave(request -> Mono.just(request.queued()));
    }
}
