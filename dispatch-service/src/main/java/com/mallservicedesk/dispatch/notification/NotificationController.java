package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.dispatch.workorder.Callers;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Department notifications (contract C4): a department's paged list, unacknowledged first, and the acknowledgement.
 * Department staff see and acknowledge their own department's; supervisors any of the mall's.
 */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/api/v1/malls/{mallId}/notifications/{notificationId}/acknowledgement")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR')")
    Mono<NotificationView> acknowledge(@PathVariable String mallId, @PathVariable String notificationId,
                                       PlatformUser user) {
        return Mono.defer(() -> notifications.acknowledge(mallId, notificationId, user)).map(NotificationView::of);
    }

    @GetMapping("/api/v1/malls/{mallId}/notifications/{notificationId}")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR', 'MANAGER')")
    Mono<NotificationView> get(@PathVariable String mallId, @PathVariable String notificationId, PlatformUser user) {
        return Mono.defer(() -> notifications.find(mallId, notificationId, user)).map(NotificationView::of);
    }

    /**
     * Paged like every list: {@code page} 0–10,000, {@code size} 1–200 (default 50); unacknowledged first, then by due
     * time. {@code acknowledged=false} lists the unacknowledged ones only (every one, however old: the department
     * console's list), {@code true} the acknowledged ones.
     */
    @GetMapping("/api/v1/malls/{mallId}/departments/{code}/notifications")
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR', 'MANAGER')")
    Mono<PageView<NotificationView>> list(@PathVariable String mallId, @PathVariable String code,
                                          @RequestParam(defaultValue = "0") String page,
                                          @RequestParam(defaultValue = "50") String size,
                                          @RequestParam(required = false) Boolean acknowledged, PlatformUser user) {
        ListQuery query = ListQuery.of(page, size);
        return Mono.defer(() -> {
            if (!Callers.supervises(user) && !code.equals(Callers.staffDepartment(user))) {
                return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "not-your-department", code));
            }
            return notifications.list(mallId, code, acknowledged, query)
                    .map(p -> new PageView<>(p.items().stream().map(NotificationView::of).toList(), p.page(), p.size(),
                            p.total()));
        });
    }
}
