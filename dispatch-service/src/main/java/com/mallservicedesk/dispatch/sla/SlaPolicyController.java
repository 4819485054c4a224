package com.mallservicedesk.dispatch.sla;

import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/sla-policy")
class SlaPolicyController {

    private final SlaPolicies policies;

    SlaPolicyController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<SlaPolicy> get(@PathVariable String mallId) {
        return policies.of(mallId);
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<SlaPolicy> put(@PathVariable String mallId, @Valid @RequestBody SlaPolicy body, PlatformUser user) {
        return policies.put(mallId, body, user);
    }
}
