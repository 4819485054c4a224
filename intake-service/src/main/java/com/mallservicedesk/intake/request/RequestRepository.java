package com.mallservicedesk.intake.request;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface RequestRepository extends ReactiveMongoRepository<ServiceRequest, String> {

    Mono<ServiceRequest> findByIdAndMallId(String id, String mallId);
}
