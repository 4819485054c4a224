package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/requests")
class RequestController {

    private final RequestRegistration registration;
    private final RequestRepository requests;
    private final IdempotentRequests idempotency;

    RequestController(RequestRegistration registration, RequestRepository requests, IdempotentRequests idempotency) {
        this.registration = registration;
        this.requests = requests;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<RequestView> register(@PathVariable String mallId, @Valid @RequestBody RegisterRequest body, PlatformUser user,
                               @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "requests", key, body, RequestView.class,
                () -> registration.register(mallId, body, user).map(RequestView::of));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<RequestView> get(@PathVariable String mallId, @PathVariable String id) {
        return requests.findByIdAndMallId(id, mallId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("request", id)))
                .map(RequestView::of);
    }
}
