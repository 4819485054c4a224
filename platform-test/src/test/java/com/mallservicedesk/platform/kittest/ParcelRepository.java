package com.mallservicedesk.platform.kittest;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface ParcelRepository extends ReactiveMongoRepository<Parcel, String> {

    Mono<Parcel> findByIdAndMallId(String id, String mallId);
}
