package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.problem.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/claims")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class ClaimController {

    private final ClaimRepository claims;

    ClaimController(ClaimRepository claims) {
        this.claims = claims;
    }

    @GetMapping
    Flux<ClaimView> list(@PathVariable String mallId) {
        return claims.findByMallId(mallId, Sort.by(Sort.Direction.DESC, "openedAt")).map(ClaimView::of);
    }

    @GetMapping("/{id}")
    Mono<ClaimView> get(@PathVariable String mallId, @PathVariable String id) {
        return claims.findByIdAndMallId(id, mallId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("claim", id)))
                .map(ClaimView::of);
    }
}
