package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.metrics.DispatchMetrics;
import com.mallservicedesk.dispatch.routing.Router;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/** Opens work orders for registered requests and records what departments, the front desk and the clocks do with them. */
@Service
class WorkOrders {

    private static final Logger log = LoggerFactory.getLogger(WorkOrders.class);

    private final WorkOrderRepository orders;
    private final EventFactory events;
    private final JsonMapper json;
    private final Clock clock;
    private final Router router;
    private final SlaClocks clocks;
    private final DispatchMetrics metrics;

    WorkOrders(WorkOrderRepository orders, EventFactory events, JsonMapper json, Clock clock, Router router,
               SlaClocks clocks, DispatchMetrics metrics) {
        this.orders = orders;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.router = router;
        this.clocks = clocks;
        this.metrics = metrics;
    }

    // ------------------------------------------------------------------ events from other services

    Mono<Void> openFor(IncomingEvent event) {
        RegisteredRequest request = event.dataAs(json, RegisteredRequest.class);
        if (request.closedOnTheSpot()) {
            return Mono.empty();
        }
        return router.route(event.mallId(), request.routingFacts()).flatMap(department -> {
            var opened = WorkOrder.open(event.mallId(), request, department.orElse(null), clock.instant());
            var order = opened.order();
            order.getOutbox().add(events.pending(event.mallId(), order.getId(), request.requestId(), opened.event()));
            return orders.insert(order)
                    .flatMap(stored -> clocks.reconcile(stored).thenReturn(stored))
                    .doOnNext(stored -> {
                        metrics.entered(stored.getMallId(), stored.getDepartment(), stored.getKind(), stored.getStatus().name());
                        if (stored.getOrderedAt() != null) {
                            metrics.timeToDispatch(stored.getMallId(), stored.getDepartment(), stored.getKind(),
                                    Duration.between(stored.getRequestAcceptedAt(), stored.getOrderedAt()));
                        }
                    })
                    .then()
                    // Redelivered after the order was stored: it exists; make sure its clocks run (a crash may have
                    // come between storing the order and scheduling them), nothing else to do.
                    .onErrorResume(DuplicateKeyException.class, duplicate -> orders.findByIdAndMallId(order.getId(),
                            event.mallId()).flatMap(clocks::reconcile));
        });
    }

    record Cancellation(String requestId, String reason) {
    }

    Mono<Void> cancelFor(IncomingEvent event) {
        var cancelled = event.dataAs(json, Cancellation.class);
        return system(event.mallId(), WorkOrder.idFor(cancelled.requestId()),
                order -> order.cancel(cancelled.reason() == null ? "cancelled at intake" : cancelled.reason(), null,
                        clock.instant()));
    }

    record Merge(String requestId, String parentRequestId, Reporter reporter) {
        record Reporter(String name, String phone, String type) {
        }
    }

    /** The duplicate's order closes as MERGED; its reporter joins the parent's order so the callback reaches them. */
    Mono<Void> mergeFor(IncomingEvent event) {
        var merge = event.dataAs(json, Merge.class);
        String parentOrder = WorkOrder.idFor(merge.parentRequestId());
        Mono<Void> closeDuplicate = system(event.mallId(), WorkOrder.idFor(merge.requestId()),
                order -> order.cancel("merged into request " + merge.parentRequestId(), parentOrder, clock.instant()));
        Mono<Void> addReporter = merge.reporter() == null ? Mono.empty()
                : orders.findByIdAndMallId(parentOrder, event.mallId())
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("Merged request {} has no parent work order {} in mall {}",
                        merge.requestId(), parentOrder, event.mallId())))
                .flatMap(order -> order.addReporter(merge.requestId(), merge.reporter().name(), merge.reporter().phone(),
                        clock.instant()) ? orders.save(order) : Mono.just(order))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance))
                .then();
        return closeDuplicate.then(addReporter);
    }

    record CallbackResult(String callbackId, String workOrderId, Boolean satisfied) {
    }

    /** Not satisfied at the callback: corrective action in the same department, callback again (seed 000 §4.4.5, §4.8). */
    Mono<Void> reopenFor(IncomingEvent event) {
        var result = event.dataAs(json, CallbackResult.class);
        if (result.satisfied() == null || result.satisfied() || result.workOrderId() == null) {
            return Mono.empty();
        }
        return system(event.mallId(), result.workOrderId(),
                order -> order.reopen(result.callbackId(), "customer not satisfied at callback " + result.callbackId(),
                        clock.instant()));
    }

    /** A service-level timer expired (called by the timer handler; may run twice for one timer). */
    Mono<Void> breach(String mallId, String workOrderId, SlaRule rule, String slaClock, Instant deadline) {
        return system(mallId, workOrderId, order -> order.breach(rule, slaClock, deadline, clock.instant()));
    }

    // ------------------------------------------------------------------ actions through the API

    Mono<WorkOrder> accept(String mallId, String id, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.accept(user.id(), clock.instant()));
    }

    Mono<WorkOrder> contact(String mallId, String id, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.contact(user.id(), clock.instant()));
    }

    Mono<WorkOrder> delay(String mallId, String id, String reason, Instant promisedAt, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.delay(reason, promisedAt, user.id(), clock.instant()));
    }

    Mono<WorkOrder> complete(String mallId, String id, String summary, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.complete(summary, user.id(), clock.instant()));
    }

    Mono<WorkOrder> transfer(String mallId, String id, String toDepartment, String reason, PlatformUser user) {
        return find(mallId, id).flatMap(order -> mayAct(order, user)
                .then(knownDepartment(mallId, toDepartment))
                .then(Mono.defer(() -> apply(order, o -> o.transfer(toDepartment, reason, user.id(), clock.instant())))));
    }

    Mono<WorkOrder> escalate(String mallId, String id, String reason, PlatformUser user) {
        return find(mallId, id).flatMap(order -> {
            // The department may escalate its own orders; the front desk and supervisors any of the mall's.
            if (!user.has(Role.FRONT_DESK) && !supervises(user)
                    && !java.util.Objects.equals(order.getDepartment(), user.department())) {
                return Mono.error(notYourDepartment(order));
            }
            return apply(order, o -> o.escalate(reason, user.id(), clock.instant()));
        });
    }

    /** The front desk assigns a waiting order or reassigns an open one by hand. */
    Mono<WorkOrder> assign(String mallId, String id, String toDepartment, String reason, PlatformUser user) {
        return find(mallId, id).flatMap(order -> knownDepartment(mallId, toDepartment)
                .then(Mono.defer(() -> apply(order, o -> o.assign(toDepartment, reason, user.id(), clock.instant())))));
    }

    Mono<WorkOrder> find(String mallId, String id) {
        return orders.findByIdAndMallId(id, mallId).switchIfEmpty(Mono.error(() -> ApiException.notFound("work-order", id)));
    }

    // ------------------------------------------------------------------ the one way a change is stored

    private Mono<WorkOrder> byDepartment(String mallId, String id, PlatformUser user,
                                         Function<WorkOrder, List<DomainEvent>> change) {
        return find(mallId, id).flatMap(order -> mayAct(order, user).then(Mono.defer(() -> apply(order, change))));
    }

    /** Only the assigned department's staff act on an order; supervisors may step in (seed 000 §3.1). */
    private static Mono<Void> mayAct(WorkOrder order, PlatformUser user) {
        return supervises(user) || java.util.Objects.equals(order.getDepartment(), user.department())
                ? Mono.empty() : Mono.error(notYourDepartment(order));
    }

    /** A change nobody asked for through the API: a missing order is nothing to do, a concurrent change is retried. */
    private Mono<Void> system(String mallId, String id, Function<WorkOrder, List<DomainEvent>> change) {
        return orders.findByIdAndMallId(id, mallId)
                .flatMap(order -> apply(order, change))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance))
                .then();
    }

    /** State and events in one write (the outbox), then the clocks follow the new state and the metrics are counted. */
    private Mono<WorkOrder> apply(WorkOrder order, Function<WorkOrder, List<DomainEvent>> change) {
        WorkOrderStatus before = order.getStatus();
        Instant contactedBefore = order.getContactedAt();
        List<DomainEvent> caused;
        try {
            caused = change.apply(order);
        } catch (ApiException refused) {
            return Mono.error(refused);
        }
        if (caused.isEmpty()) {
            return Mono.just(order);
        }
        order.getOutbox().addAll(events.pending(order.getMallId(), order.getId(), order.getRequestId(), caused));
        return orders.save(order)
                .flatMap(saved -> clocks.reconcile(saved).thenReturn(saved))
                .doOnNext(saved -> count(saved, before, contactedBefore, caused));
    }

    private void count(WorkOrder order, WorkOrderStatus before, Instant contactedBefore, List<DomainEvent> caused) {
        String mall = order.getMallId();
        if (order.getStatus() != before) {
            metrics.entered(mall, order.getDepartment(), order.getKind(), order.getStatus().name());
        }
        if (before == WorkOrderStatus.UNASSIGNED && order.getStatus() == WorkOrderStatus.ASSIGNED) {
            metrics.timeToDispatch(mall, order.getDepartment(), order.getKind(),
                    Duration.between(order.getRequestAcceptedAt(), order.getOrderedAt()));
        }
        if (contactedBefore == null && order.getContactedAt() != null) {
            metrics.timeToContact(mall, order.getDepartment(), order.getKind(),
                    Duration.between(order.getDepartmentSince(), order.getContactedAt()));
        }
        for (DomainEvent event : caused) {
            if (event instanceof WorkOrderEvents.Completed) {
                metrics.timeToComplete(mall, order.getDepartment(), order.getKind(),
                        Duration.between(order.getRoundStartedAt(), order.getCompletedAt()));
            } else if (event instanceof WorkOrderEvents.SlaBreached breached) {
                metrics.breach(mall, order.getDepartment(), breached.rule());
            } else if (event instanceof WorkOrderEvents.Escalated escalated) {
                metrics.escalation(mall, order.getDepartment(), escalated.rule(), escalated.toRole().name());
            }
        }
    }

    private Mono<Void> knownDepartment(String mallId, String code) {
        return router.isKnown(mallId, code).flatMap(known -> known ? Mono.<Void>empty()
                : Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "department-unknown", code)));
    }

    private static boolean supervises(PlatformUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.MANAGER);
    }

    private static ApiException notYourDepartment(WorkOrder order) {
        return new ApiException(HttpStatus.FORBIDDEN, "not-your-department", order.getDepartment());
    }
}
