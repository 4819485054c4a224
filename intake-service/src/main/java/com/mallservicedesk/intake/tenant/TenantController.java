package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.QueryParameters;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/tenants")
class TenantController {

    private final TenantDirectory directory;
    private final IdempotentRequests idempotency;

    TenantController(TenantDirectory directory, IdempotentRequests idempotency) {
        this.directory = directory;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<TenantView> create(@PathVariable String mallId, @Valid @RequestBody TenantDetails body, PlatformUser user,
                            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "tenants", key, body, TenantView.class,
                () -> directory.register(mallId, body).map(t -> TenantView.of(t, user)));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<TenantView> update(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody TenantDetails body,
                            PlatformUser user) {
        return directory.update(mallId, id, body).map(t -> TenantView.of(t, user));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<TenantView> get(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return directory.find(mallId, id).map(t -> TenantView.of(t, user));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PageView<TenantView>> list(@PathVariable String mallId, PlatformUser user,
                                    @RequestParam(required = false) String floor,
                                    @RequestParam(required = false) String zone,
                                    @RequestParam(required = false) TenantKind kind,
                                    @RequestParam(required = false) Boolean active,
                                    @RequestParam(defaultValue = "0") String page,
                                    @RequestParam(defaultValue = "50") String size) {
        FieldErrors errors = new FieldErrors();
        ListQuery list = ListQuery.of(page, size, errors);
        QueryParameters.text(errors, "floor", floor, 20);
        QueryParameters.text(errors, "zone", zone, 40);
        errors.throwIfAny();
        return directory.list(mallId, floor, zone, kind, active, list)
                .map(p -> list.page(p.items().stream().map(t -> TenantView.of(t, user)).toList(), p.total()));
    }
}
