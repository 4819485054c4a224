package com.mallservicedesk.claims.policy;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The mall's insurance policy. The insurer credential is write-only: answers say only whether one is stored. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/insurance-policy")
class PolicyController {

    private static final Set<String> ITEMS = Arrays.stream(ChecklistItem.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    record PolicyView(String mallId, String insurer, String policyNumber, String insurerEndpoint,
                      boolean insurerCredentialSet, String insurerPhone, BigDecimal advanceCapCny,
                      Map<String, Duration> stepDueTimes, boolean defaults, Instant updatedAt, String updatedBy) {

        static PolicyView of(InsurancePolicy p) {
            // Every item with the due time in force, so a console can show the whole checklist plan.
            Map<String, Duration> due = new LinkedHashMap<>();
            for (ChecklistItem item : ChecklistItem.values()) {
                Duration configured = p.dueTimeOf(item.name());
                due.put(item.name(), configured != null ? configured : item.defaultDue());
            }
            return new PolicyView(p.mallId(), p.insurer(), p.policyNumber(), p.insurerEndpoint(), p.hasCredential(),
                    p.insurerPhone(), p.advanceCapCny(), due, p.updatedAt() == null, p.updatedAt(), p.updatedBy());
        }
    }

    private final MallPolicies policies;

    PolicyController(MallPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<PolicyView> get(@PathVariable String mallId) {
        return policies.of(mallId).map(PolicyView::of);
    }

    /** Only the property manager: the cap decides which advances need the manager's approval (seed 000 §第三條 4.2.3(7)). */
    @PutMapping
    @PreAuthorize("hasRole('MANAGER')")
    Mono<PolicyView> put(@PathVariable String mallId, @Valid @RequestBody UpdatePolicy body, PlatformUser user) {
        return policies.update(mallId, body, user, ITEMS).map(PolicyView::of);
    }
}
