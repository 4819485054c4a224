package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
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

    /** The days the date filter takes: any order's day, far from the ends of the calendar's arithmetic. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    /** The statuses {@code open=true} may be combined with. */
    static final List<String> OPEN_STATUSES = WorkOrderSearch.OPEN.stream().map(Enum::name).toList();

    record Completion(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String summary) {
    }

    record Delay(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason, @NotNull Instant promisedAt) {
    }

    record Transfer(@NotBlank @Size(max = 40) @PlainText String toDepartment,
                    @NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason) {
    }

    /**
     * @param beyondCustomerService the request is beyond customer service's remit: it goes to the property manager
     *                              (seed 000 §3.1); otherwise one step up the chain
     */
    record Escalation(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String reason,
                      Boolean beyondCustomerService) {
    }

    record Assignment(@NotBlank @Size(max = 40) @PlainText String department,
                      @Size(max = 1000) @PlainText(multiline = true) String reason) {
    }

    private final WorkOrders workOrders;
    private final WorkOrderSearch search;

    WorkOrderController(WorkOrders workOrders, WorkOrderSearch search) {
        this.workOrders = workOrders;
        this.search = search;
    }

    /**
     * Department staff see their own department's orders only; the front desk and supervisors the whole mall's.
     * {@code open=true} lists the open orders only (every one, however old: the department console's board); a
     * closed {@code status} with it is a 400 {@code filter-invalid}, like a date out of range.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<PageView<WorkOrderView>> list(@PathVariable String mallId, @RequestParam(required = false) String department,
                                       @RequestParam(required = false) WorkOrderStatus status,
                                       @RequestParam(required = false) Boolean overdue,
                                       @RequestParam(required = false) String kind,
                                       @RequestParam(required = false) LocalDate date,
                                       @RequestParam(required = false) Boolean open,
                                       @RequestParam(defaultValue = "0") String page,
                                       @RequestParam(defaultValue = "50") String size,
                                       @RequestParam(required = false) String sort,
                                       PlatformUser user) {
        ListQuery list = ListQuery.of(page, size, sort, WorkOrderSearch.SORTS);
        boolean openOnly = Boolean.TRUE.equals(open);
        FieldErrors errors = new FieldErrors();
        if (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
            errors.add("date", "out-of-range");
        }
        if (openOnly && status != null && !status.open()) {
            errors.add("status", "unsupported", Map.of("allowed", OPEN_STATUSES));
        }
        if (!errors.isEmpty()) {
            return Mono.error(errors.problem(HttpStatus.BAD_REQUEST, "filter-invalid", FIRST_DAY, LAST_DAY,
                    String.join(", ", OPEN_STATUSES)));
        }
        String scope = department;
        if (!Callers.seesWholeMall(user)) {
            scope = Callers.staffDepartment(user);
            if (department != null && !department.equals(scope)) {
                return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "not-your-department", department));
            }
        }
        return search.search(mallId, new WorkOrderSearch.Filter(scope, status, overdue, kind, date, openOnly), list,
                order -> WorkOrderView.of(order, user));
    }

    /**
     * One order. Department staff read only their own department's orders: another department's answers 404 like an
     * id of another mall, so an id tells nothing about orders one may not see.
     */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<WorkOrderView> get(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        if (!Callers.seesWholeMall(user)) {
            // Staff whose token names no department get 403, whatever is stored under the id.
            Callers.staffDepartment(user);
        }
        return workOrders.find(mallId, id)
                .filter(order -> Callers.seesWholeMall(user) || Callers.belongsTo(user, order.getDepartment()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("work-order", id)))
                .map(order -> {
                    Map<String, Instant> deadlines = new TreeMap<>();
                    order.getRunningClocks().forEach(running -> deadlines.put(running.rule().name(), running.deadline()));
                    return WorkOrderView.of(order, deadlines, user);
                });
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> accept(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return workOrders.accept(mallId, id, user).map(order -> WorkOrderView.of(order, user));
    }

    @PostMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> contact(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return workOrders.contact(mallId, id, user).map(order -> WorkOrderView.of(order, user));
    }

    @PostMapping("/{id}/delay")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> delay(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Delay body,
                              PlatformUser user) {
        return workOrders.delay(mallId, id, body.reason(), body.promisedAt(), user).map(order -> WorkOrderView.of(order, user));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> complete(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Completion body,
                                 PlatformUser user) {
        return workOrders.complete(mallId, id, body.summary(), user).map(order -> WorkOrderView.of(order, user));
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<WorkOrderView> transfer(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Transfer body,
                                 PlatformUser user) {
        return workOrders.transfer(mallId, id, body.toDepartment(), body.reason(), user)
                .map(order -> WorkOrderView.of(order, user));
    }

    @PostMapping("/{id}/escalate")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<WorkOrderView> escalate(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Escalation body,
                                 PlatformUser user) {
        return workOrders.escalate(mallId, id, body.reason(),
                Boolean.TRUE.equals(body.beyondCustomerService()), user).map(order -> WorkOrderView.of(order, user));
    }

    /** The front desk hands the order to a department by hand (交辦), or moves it to another one. */
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<WorkOrderView> assign(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Assignment body,
                               PlatformUser user) {
        return workOrders.assign(mallId, id, body.department(), body.reason(), user)
                .map(order -> WorkOrderView.of(order, user));
    }
}
