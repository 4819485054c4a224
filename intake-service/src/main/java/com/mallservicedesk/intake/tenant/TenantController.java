package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.intake.input.InvalidFields;
import com.mallservicedesk.intake.input.Paging;
import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import java.util.List;
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

    record TenantPage(List<TenantView> items, int page, int size, long total) {
    }

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
    Mono<TenantPage> list(@PathVariable String mallId, PlatformUser user,
                          @RequestParam(required = false) String floor, @RequestParam(required = false) String zone,
                          @RequestParam(required = false) TenantKind kind, @RequestParam(required = false) Boolean active,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, new InvalidFields()).text("floor", floor, 20).text("zone", zone, 40).throwIfAny();
        return directory.list(mallId, floor, zone, kind, active, page, size)
                .map(p -> new TenantPage(p.items().stream().map(t -> TenantView.of(t, user)).toList(), p.page(), p.size(),
                        p.total()));
    }
}
