package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.escalation.EscalationContacts;
import com.mallservicedesk.dispatch.escalation.EscalationDirectory;
import com.mallservicedesk.dispatch.metrics.DispatchMetrics;
import com.mallservicedesk.dispatch.metrics.WorkOrderCounts;
import com.mallservicedesk.dispatch.routing.Router;
import com.mallservicedesk.dispatch.sla.SlaPolicies;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Opens work orders for registered requests and records what departments, the front desk and the clocks do with them. */
@Service
class WorkOrders {

    private static final Logger log = LoggerFactory.getLogger(WorkOrders.class);

    private final AggregateStore<WorkOrder> orders;
    private final Clock clock;
    private final Router router;
    private final DispatchMetrics metrics;
    private final ClosedRequests closedRequests;
    private final SlaPolicies policies;
    private final EscalationContacts escalationContacts;

    WorkOrders(AggregateStores stores, SlaClocks clocks, Clock clock, Router router, DispatchMetrics metrics,
               WorkOrderCounts counts, ClosedRequests closedRequests, SlaPolicies policies,
               EscalationContacts escalationContacts) {
        this.escalationContacts = escalationContacts;
        this.closedRequests = closedRequests;
        this.policies = policies;
        // Every save plans the order's service-level clocks, keeps its place in the mall's open set, and moves it
        // between the counters of its state, in the same write: derived from the state by the step every create and
        // change goes through, not by each transition, so a new way to open or close an order cannot forget them.
        this.orders = stores.of(WorkOrder.class, "work-order")
                .beforeSave(order -> clocks.plan(order).map(WorkOrder::keepPlaceInOpenSet))
                .countedIn(counts.counters(), order -> state(order).labels());
        this.clock = clock;
        this.router = router;
        this.metrics = metrics;
    }

    // ------------------------------------------------------------------ events from other services

    /**
     * Opens the request's work order once: a redelivered or replayed event finds it stored and changes nothing, and a
     * request intake closed before this event arrived (see {@link ClosedRequests}) gets no order at all.
     */
    Mono<Void> openFor(IncomingEvent event, RegisteredRequest request) {
        if (request.closedOnTheSpot()) {
            return Mono.empty();
        }
        return closedRequests.isClosed(event.mallId(), request.requestId()).flatMap(closed -> closed
                ? Mono.fromRunnable(() -> log.info("Request {} of mall {} was closed before it was registered here: no order",
                        request.requestId(), event.mallId()))
                : open(event, request)).then();
    }

    private Mono<Void> open(IncomingEvent event, RegisteredRequest request) {
        return router.route(event.mallId(), request.routingFacts())
                .flatMap(department -> orders.create(WorkOrder.open(event.mallId(), request, department.orElse(null),
                        clock.instant())))
                .doOnNext(stored -> {
                    metrics.entered(stored.getMallId(), stored.getDepartment(), stored.getKind(), stored.getStatus().name());
                    if (stored.getOrderedAt() != null) {
                        metrics.timeToDispatch(stored.getMallId(), stored.getDepartment(), stored.getKind(),
                                Duration.between(stored.getRequestAcceptedAt(), stored.getOrderedAt()));
                    }
                })
                .then();
    }

    record Cancellation(String requestId, String reason) {
    }

    /** Cancels the request's open order; a request not seen registered yet is remembered as closed instead. */
    Mono<Void> cancelFor(IncomingEvent event, Cancellation cancelled) {
        String reason = cancelled.reason() == null ? "cancelled at intake" : cancelled.reason();
        return closeOrRemember(event.mallId(), cancelled.requestId(), reason, null,
                order -> order.cancel(reason, null, clock.instant()));
    }

    record Merge(String requestId, String parentRequestId, Reporter reporter) {
        record Reporter(String name, String phone, String type) {
        }
    }

    /** The duplicate's order closes as MERGED; its reporter joins the parent's order so the callback reaches them. */
    Mono<Void> mergeFor(IncomingEvent event, Merge merge) {
        String parentOrder = WorkOrder.idFor(merge.parentRequestId());
        String reason = "merged into request " + merge.parentRequestId();
        Mono<Void> closeDuplicate = closeOrRemember(event.mallId(), merge.requestId(), reason, parentOrder,
                order -> order.cancel(reason, parentOrder, clock.instant()));
        Mono<Void> addReporter = merge.reporter() == null ? Mono.empty()
                : orders.changeIfPresent(event.mallId(), parentOrder, order -> {
                    order.addReporter(merge.requestId(), merge.reporter().name(), merge.reporter().phone(), clock.instant());
                    return List.of();
                })
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("Merged request {} has no parent work order {} in mall {}",
                        merge.requestId(), parentOrder, event.mallId())))
                .then();
        return closeDuplicate.then(addReporter);
    }

    /** @param round the work order's round the callback asked about; null from producers that did not send it */
    record CallbackResult(String callbackId, String workOrderId, Boolean satisfied, Integer round) {
    }

    /** Not satisfied at the callback: corrective action in the same department, callback again (seed 000 §4.4.5, §4.8). */
    Mono<Void> reopenFor(IncomingEvent event, CallbackResult result) {
        if (result.satisfied() == null || result.satisfied() || result.workOrderId() == null) {
            return Mono.empty();
        }
        return system(event.mallId(), result.workOrderId(),
                order -> order.reopen(result.callbackId(), result.round(),
                        "customer not satisfied at callback " + result.callbackId(), clock.instant()));
    }

    /** A service-level timer expired (called by the timer handler; may run twice for one timer). */
    Mono<Void> breach(String mallId, String workOrderId, SlaRule rule, String slaClock, Instant deadline) {
        return orders.findIfPresent(mallId, workOrderId)
                .flatMap(found -> escalationContacts.directoryFor(mallId, found.getDepartment()))
                .flatMap(directory -> system(mallId, workOrderId,
                        order -> order.breach(rule, slaClock, deadline, clock.instant(), directory)));
    }

    // ------------------------------------------------------------------ actions through the API

    Mono<WorkOrder> accept(String mallId, String id, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.accept(user.id(), clock.instant()));
    }

    Mono<WorkOrder> contact(String mallId, String id, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.contact(user.id(), clock.instant()));
    }

    /** A promise further ahead than the bound (dispatch.sla-limits.longest-promise) is refused with 422. */
    Mono<WorkOrder> delay(String mallId, String id, String reason, Instant promisedAt, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> {
            Instant now = clock.instant();
            if (promisedAt.isAfter(now.plus(policies.longestPromise()))) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "promised-time-too-far", promisedAt,
                        policies.longestPromise().toDays());
            }
            return order.delay(reason, promisedAt, user.id(), now);
        });
    }

    Mono<WorkOrder> complete(String mallId, String id, String summary, PlatformUser user) {
        return byDepartment(mallId, id, user, order -> order.complete(summary, user.id(), clock.instant()));
    }

    Mono<WorkOrder> transfer(String mallId, String id, String toDepartment, String reason, PlatformUser user) {
        return knownDepartment(mallId, toDepartment).then(byDepartment(mallId, id, user,
                order -> order.transfer(toDepartment, reason, user.id(), clock.instant())));
    }

    /**
     * The targets are read for the department holding the order when it is loaded; should a transfer land in between
     * (rare), the escalation names the contacts read a moment before.
     */
    Mono<WorkOrder> escalate(String mallId, String id, String reason, boolean beyondCustomerService, PlatformUser user) {
        // Staff whose token names no department are refused before the order is read (as for every action).
        Mono<WorkOrder> load = Callers.seesWholeMall(user) ? orders.find(mallId, id)
                : Mono.fromCallable(() -> Callers.staffDepartment(user)).then(orders.find(mallId, id));
        return load.flatMap(found -> escalationContacts.directoryFor(mallId, found.getDepartment()))
                .flatMap(directory -> {
                    Function<WorkOrder, List<DomainEvent>> escalation = order -> order.escalate(reason, beyondCustomerService,
                            user.id(), clock.instant(), directory);
                    // The department may escalate its own orders; the front desk and supervisors any of the mall's.
                    return Callers.seesWholeMall(user) ? change(mallId, id, escalation)
                            : byDepartment(mallId, id, user, escalation);
                });
    }

    /** The front desk assigns a waiting order or reassigns an open one by hand. */
    Mono<WorkOrder> assign(String mallId, String id, String toDepartment, String reason, PlatformUser user) {
        return knownDepartment(mallId, toDepartment).then(change(mallId, id,
                order -> order.assign(toDepartment, reason, user.id(), clock.instant())));
    }

    Mono<WorkOrder> find(String mallId, String id) {
        return orders.find(mallId, id);
    }

    // ------------------------------------------------------------------ the one way a change is stored

    /**
     * Only the assigned department's staff act on an order; supervisors may step in (seed 000 §3.1). Staff whose
     * token names no department are refused before the order is even read.
     */
    private Mono<WorkOrder> byDepartment(String mallId, String id, PlatformUser user,
                                         Function<WorkOrder, List<DomainEvent>> change) {
        if (Callers.supervises(user)) {
            return change(mallId, id, change);
        }
        return Mono.fromCallable(() -> Callers.staffDepartment(user)).flatMap(department -> change(mallId, id, order -> {
            if (!department.equals(order.getDepartment())) {
                throw notYourDepartment(order);
            }
            return change.apply(order);
        }));
    }

    /**
     * Closes the request's order, or, when dispatch has not seen the request registered yet (intake's events can
     * arrive in another order after a replay), remembers it as closed so the late registered event opens nothing.
     */
    private Mono<Void> closeOrRemember(String mallId, String requestId, String reason, String mergedInto,
                                       Function<WorkOrder, List<DomainEvent>> close) {
        return counted(close, counting -> orders.changeIfPresent(mallId, WorkOrder.idFor(requestId), counting))
                .hasElement()
                .flatMap(found -> found ? Mono.empty() : closedRequests.remember(mallId, requestId, reason, mergedInto));
    }

    /** A change nobody asked for through the API: a missing order is nothing to do. */
    private Mono<Void> system(String mallId, String id, Function<WorkOrder, List<DomainEvent>> change) {
        return counted(change, counting -> orders.changeIfPresent(mallId, id, counting)).then();
    }

    private Mono<WorkOrder> change(String mallId, String id, Function<WorkOrder, List<DomainEvent>> change) {
        return counted(change, counting -> orders.change(mallId, id, counting));
    }

    /** Runs the change through the store (state, events, clocks and counter moves in one write), then meters it. */
    private Mono<WorkOrder> counted(Function<WorkOrder, List<DomainEvent>> change,
                                    Function<Function<WorkOrder, List<DomainEvent>>, Mono<WorkOrder>> store) {
        var before = new Object() {
            WorkOrderStatus status;
            Instant contactedAt;
            List<DomainEvent> caused = List.of();
        };
        return store.apply(order -> {
            // Runs again on a retry: what is counted is the attempt that was stored.
            before.status = order.getStatus();
            before.contactedAt = order.getContactedAt();
            before.caused = change.apply(order);
            return before.caused;
        }).doOnNext(saved -> count(saved, before.status, before.contactedAt, before.caused));
    }

    private static WorkOrderCounts.State state(WorkOrder order) {
        return new WorkOrderCounts.State(order.getMallId(), order.getDepartment(), order.getKind(), order.getStatus().name(),
                order.isOverdue());
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

    private static ApiException notYourDepartment(WorkOrder order) {
        return new ApiException(HttpStatus.FORBIDDEN, "not-your-department", order.getDepartment());
    }
}
