package com.mallservicedesk.dispatch.department;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

interface DepartmentRepository extends ReactiveMongoRepository<Department, String> {

    Flux<Department> findByMallId(String mallId, Sort sort);
}
