package com.mallservicedesk.dispatch.routing;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/routing-rules")
class RoutingController {

    record RuleBody(@Size(max = 40) @PlainText String kind,
                    @Size(max = 100) @PlainText String category,
                    @Size(max = 40) @PlainText String channel,
                    @Size(max = 40) @PlainText String floor,
                    @Size(max = 40) @PlainText String zone,
                    @NotBlank @Size(max = 40) @PlainText String department) {
    }

    /** @param defaultDepartment null: unmatched requests wait for the front desk (UNASSIGNED) */
    record RulesBody(@NotNull @Size(max = 200) List<@NotNull @Valid RuleBody> rules,
                     @Size(max = 40) @PlainText String defaultDepartment) {
    }

    record RulesView(List<RoutingRules.RoutingRule> rules, String defaultDepartment, Instant updatedAt, String updatedBy) {
        static RulesView of(RoutingRules r) {
            return new RulesView(r.rules(), r.defaultDepartment(), r.updatedAt(), r.updatedBy());
        }
    }

    private final Router router;

    RoutingController(Router router) {
        this.router = router;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<RulesView> get(@PathVariable String mallId) {
        return router.get(mallId).map(RulesView::of);
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<RulesView> put(@PathVariable String mallId, @Valid @RequestBody RulesBody body, PlatformUser user) {
        var rules = body.rules().stream()
                .map(r -> new RoutingRules.RoutingRule(r.kind(), r.category(), r.channel(), r.floor(), r.zone(), r.department()))
                .toList();
        return router.put(mallId, rules, body.defaultDepartment(), user).map(RulesView::of);
    }
}
