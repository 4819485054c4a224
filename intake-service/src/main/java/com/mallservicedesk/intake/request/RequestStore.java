package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reception log's requests, stored and changed the kit's one way (by key, events in the same write). */
@Configuration
class RequestStore {

    @Bean
    AggregateStore<ServiceRequest> serviceRequests(AggregateStores stores) {
        return stores.of(ServiceRequest.class, "request");
    }
}
