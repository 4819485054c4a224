package com.mallservicedesk.callback.followup;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface CallbackRepository extends ReactiveMongoRepository<Callback, String> {

    Mono<Callback> findByIdAndMallId(String id, String mallId);

    Flux<Callback> findByMallId(String mallId, Sort sort);
}
