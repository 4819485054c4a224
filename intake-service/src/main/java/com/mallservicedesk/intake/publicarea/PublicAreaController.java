package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public-area usage applications (公共區域使用管理規程, seed 000 last section). A step the application's status does not
 * allow answers 409 {@code public-area-illegal-transition}.
 */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/public-area-applications")
class PublicAreaController {

    private final PublicAreaApplications applications;
    private final IdempotentRequests idempotency;

    PublicAreaController(PublicAreaApplications applications, IdempotentRequests idempotency) {
        this.applications = applications;
        this.idempotency = idempotency;
    }

    /** The front desk or the supervisor files an owner's or tenant's application (§4.1.1). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<PublicAreaApplicationView> submit(@PathVariable String mallId, @Valid @RequestBody ApplicationBodies.Submit body,
                                           PlatformUser user,
                                           @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "public-area-applications", key, body, PublicAreaApplicationView.class,
                () -> applications.submit(mallId, body, user).map(PublicAreaApplicationView::of));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PublicAreaApplicationView> get(@PathVariable String mallId, @PathVariable String id) {
        return applications.find(mallId, id).map(PublicAreaApplicationView::of);
    }

    /** Newest first; {@code status} narrows it. */
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PageView<PublicAreaApplicationView>> list(@PathVariable String mallId,
                                                   @RequestParam(required = false) ApplicationStatus status,
                                                   @RequestParam(defaultValue = "0") String page,
                                                   @RequestParam(defaultValue = "50") String size) {
        ListQuery list = ListQuery.of(page, size);
        return applications.page(mallId, status, list)
                .map(p -> list.page(p.items().stream().map(PublicAreaApplicationView::of).toList(), p.total()));
    }

    /** §4.1.1, §3.2: customer service's opinion with the neighbouring departments'. */
    @PostMapping("/{id}/review")
    @PreAuthorize("hasAnyRole('SUPERVISOR')")
    Mono<PublicAreaApplicationView> review(@PathVariable String mallId, @PathVariable String id,
                                           @Valid @RequestBody ApplicationBodies.Review body, PlatformUser user) {
        return applications.review(mallId, id, body, user).map(PublicAreaApplicationView::of);
    }

    /** §3.2: the general manager's written consent; the property manager records it. */
    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('MANAGER')")
    Mono<PublicAreaApplicationView> decide(@PathVariable String mallId, @PathVariable String id,
                                           @Valid @RequestBody ApplicationBodies.Decide body, PlatformUser user) {
        return applications.decide(mallId, id, body, user).map(PublicAreaApplicationView::of);
    }

    /** §4.2.1: the contractor's schedule filed, entry formalities done. */
    @PostMapping("/{id}/schedule")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<PublicAreaApplicationView> schedule(@PathVariable String mallId, @PathVariable String id,
                                             @Valid @RequestBody ApplicationBodies.Schedule body, PlatformUser user) {
        return applications.schedule(mallId, id, body, user).map(PublicAreaApplicationView::of);
    }

    /** §4.3: customer service, engineering and security patrol the area in use. */
    @PostMapping("/{id}/inspections")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'DEPT_STAFF')")
    Mono<PublicAreaApplicationView> inspect(@PathVariable String mallId, @PathVariable String id,
                                            @Valid @RequestBody ApplicationBodies.Inspect body, PlatformUser user) {
        return applications.inspect(mallId, id, body, user).map(PublicAreaApplicationView::of);
    }

    /** §4.4: the completion inspection. */
    @PostMapping("/{id}/completion-inspections")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'DEPT_STAFF')")
    Mono<PublicAreaApplicationView> inspectCompletion(@PathVariable String mallId, @PathVariable String id,
                                                      @Valid @RequestBody ApplicationBodies.InspectCompletion body,
                                                      PlatformUser user) {
        return applications.inspectCompletion(mallId, id, body, user).map(PublicAreaApplicationView::of);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<PublicAreaApplicationView> close(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return applications.close(mallId, id, user).map(PublicAreaApplicationView::of);
    }
}
