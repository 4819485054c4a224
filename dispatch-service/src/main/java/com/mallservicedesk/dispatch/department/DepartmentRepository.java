package com.mallservicedesk.dispatch.department;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface DepartmentRepository extends ReactiveMongoRepository<Department, String> {

    Flux<Department> findByMallId(String mallId, Pageable page);

    Mono<Long> countByMallId(String mallId);
}
