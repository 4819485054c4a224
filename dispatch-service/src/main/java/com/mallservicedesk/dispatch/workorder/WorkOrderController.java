package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/work-orders")
class WorkOrderController {

    record Completion(@NotBlank @Size(max = 2000) String summary) {
    }

    record Delay(@NotBlank @Size(max = 1000) String reason, @NotNull Instant promisedAt) {
    }

    record Transfer(@NotBlank @Size(max = 40) String toDepartment, @NotBlank @Size(max = 1000) String reason) {
    }

    record Escalation(@NotBlank @Size(max = 1000) String reason) {
    }

    record Assignment(@NotBlank @Size(max = 40) String department, @Size(max = 1000) String reason) {
    }

    private final WorkOrders workOrders;
    private final WorkOrderSearch search;

    WorkOrderController(WorkOrders workOrders, WorkOrderSearch search) {
        this.workOrders = workOrders;
        this.search = search;
    }

    /** Department staff see their own department's orders only; the front desk and supervisors the whole mall's. */
    @GetMapping
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<WorkOrderSearch.Page> list(@PathVariable String mallId, @RequestParam(required = false) String department,
                                    @RequestParam(required = false) WorkOrderStatus status,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) LocalDate date,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                    PlatformUser user) {
        if (page < 0 || size < 1 || size > 200) {
            return Mono.error(ApiException.badRequest("page-invalid", page, size));
        }
        boolean seesMall = user.has(Role.FRONT_DESK) || user.has(Role.SUPERVISOR) || user.has(Role.MANAGER);
        String scope = seesMall ? department : user.department();
        if (!seesMall && user.department() == null) {
            // Staff without a department in their token have no orders to see.
            return Mono.error(new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden"));
        }
        if (!seesMall && department != null && !department.equals(user.department())) {
            return Mono.error(new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "not-your-department", department));
        }
        return search.search(mallId, new WorkOrderSearch.Filter(scope, status, overdue, kind, date), page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<WorkOrderView> get(@PathVariable String mallId, @PathVariable String id) {
        return workOrders.find(mallId, id).map(order -> {
            Map<String, Instant> deadlines = new TreeMap<>();
            order.getRunningClocks().forEach(running -> deadlines.put(running.rule().name(), running.deadline()));
            return WorkOrderView.of(order, deadlines);
        });
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> accept(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return workOrders.accept(mallId, id, user).map(WorkOrderView::of);
    }

    @PostMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> contact(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return workOrders.contact(mallId, id, user).map(WorkOrderView::of);
    }

    @PostMapping("/{id}/delay")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> delay(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Delay body,
                              PlatformUser user) {
        return workOrders.delay(mallId, id, body.reason(), body.promisedAt(), user).map(WorkOrderView::of);
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> complete(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Completion body,
                                 PlatformUser user) {
        return workOrders.complete(mallId, id, body.summary(), user).map(WorkOrderView::of);
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> transfer(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Transfer body,
                                 PlatformUser user) {
        return workOrders.transfer(mallId, id, body.toDepartment(), body.reason(), user).map(WorkOrderView::of);
    }

    @PostMapping("/{id}/escalate")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<WorkOrderView> escalate(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Escalation body,
                                 PlatformUser user) {
        return workOrders.escalate(mallId, id, body.reason(), user).map(WorkOrderView::of);
    }

    /** The front desk hands the order to a department by hand (交辦), or moves it to another one. */
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<WorkOrderView> assign(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Assignment body,
                               PlatformUser user) {
        return workOrders.assign(mallId, id, body.department(), body.reason(), user).map(WorkOrderView::of);
    }
}
