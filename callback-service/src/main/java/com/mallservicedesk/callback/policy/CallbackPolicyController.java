package com.mallservicedesk.callback.policy;

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

/** The mall's callback policy: read and set by the customer-service supervisor and the property manager. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/callback-policy")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class CallbackPolicyController {

    private final CallbackPolicies policies;

    CallbackPolicyController(CallbackPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    Mono<PolicyView> get(@PathVariable String mallId) {
        return policies.view(mallId);
    }

    @PutMapping
    Mono<PolicyView> put(@PathVariable String mallId, @Valid @RequestBody PolicyUpdate body, PlatformUser user) {
        return policies.put(mallId, body, user);
    }
}
