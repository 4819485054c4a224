package com.mallservicedesk.dispatch.workorder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface WorkOrderRepository extends ReactiveMongoRepository<WorkOrder, String> {

    Mono<WorkOrder> findByIdAndMallId(String id, String mallId);

    Flux<WorkOrder> findByMallId(String mallId, Sort sort);
}
