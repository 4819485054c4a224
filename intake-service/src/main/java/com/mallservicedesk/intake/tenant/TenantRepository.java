package com.mallservicedesk.intake.tenant;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface TenantRepository extends ReactiveMongoRepository<Tenant, String> {

    Mono<Tenant> findByIdAndMallId(String id, String mallId);
}
