package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Opens work orders for registered requests and records what departments do with them. */
@Service
class WorkOrders {

    private final WorkOrderRepository orders;
    private final EventFactory events;
    private final JsonMapper json;
    private final Clock clock;
    private final String defaultDepartment;

    WorkOrders(WorkOrderRepository orders, EventFactory events, JsonMapper json, Clock clock,
               @Value("${dispatch.default-department}") String defaultDepartment) {
        this.orders = orders;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.defaultDepartment = defaultDepartment;
    }

    Mono<Void> openFor(IncomingEvent event) {
        RegisteredRequest request = event.dataAs(json, RegisteredRequest.class);
        if (request.closedOnTheSpot()) {
            return Mono.empty();
        }
        var opened = WorkOrder.open(event.mallId(), request, defaultDepartment, clock.instant());
        var order = opened.order();
        order.getOutbox().add(events.pending(event.mallId(), order.getId(), request.requestId(), opened.event()));
        return orders.insert(order).then()
                // Redelivered after the order was stored: it exists already, nothing to do.
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
    }

    Mono<WorkOrder> complete(String mallId, String id, String summary, PlatformUser user) {
        return find(mallId, id).flatMap(order -> {
            if (!user.has(Role.SUPERVISOR) && !order.getDepartment().equals(user.department())) {
                return Mono.error(new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "not-your-department",
                        order.getDepartment()));
            }
            var completed = order.complete(summary, clock.instant());
            order.getOutbox().add(events.pending(mallId, order.getId(), order.getRequestId(), completed));
            return orders.save(order);
        });
    }

    Mono<WorkOrder> find(String mallId, String id) {
        return orders.findByIdAndMallId(id, mallId).switchIfEmpty(Mono.error(() -> ApiException.notFound("work-order", id)));
    }
}
