package com.mallservicedesk.dispatch.workorder;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface WorkOrderRepository extends ReactiveMongoRepository<WorkOrder, String> {

    Mono<WorkOrder> findByIdAndMallId(String id, String mallId);
}
