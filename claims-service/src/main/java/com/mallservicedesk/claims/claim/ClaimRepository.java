package com.mallservicedesk.claims.claim;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ClaimRepository extends ReactiveMongoRepository<Claim, String> {

    Mono<Claim> findByIdAndMallId(String id, String mallId);

    Flux<Claim> findByMallId(String mallId, Sort sort);
}
