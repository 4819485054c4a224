package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/work-orders")
@PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class WorkOrderController {

    record Completion(@NotBlank @Size(max = 2000) String summary) {
    }

    private final WorkOrders workOrders;
    private final WorkOrderRepository repository;

    WorkOrderController(WorkOrders workOrders, WorkOrderRepository repository) {
        this.workOrders = workOrders;
        this.repository = repository;
    }

    @GetMapping
    Flux<WorkOrderView> list(@PathVariable String mallId) {
        return repository.findByMallId(mallId, Sort.by(Sort.Direction.DESC, "orderedAt")).map(WorkOrderView::of);
    }

    @GetMapping("/{id}")
    Mono<WorkOrderView> get(@PathVariable String mallId, @PathVariable String id) {
        return workOrders.find(mallId, id).map(WorkOrderView::of);
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> complete(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Completion body,
                             PlatformUser user) {
        return workOrders.complete(mallId, id, body.summary(), user).map(WorkOrderView::of);
    }
}
