package com.mallservicedesk.claims.policy;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A mall's insurance policy: stored, else the defaults (no insurer yet, the 2,000 CNY cap, the 95518 line). */
@Service
@EnableConfigurationProperties(ClaimsDefaults.class)
public class MallPolicies {

    private final ReactiveMongoTemplate mongo;
    private final ClaimsDefaults defaults;
    private final InsurerEndpoints endpoints;
    private final Clock clock;

    MallPolicies(ReactiveMongoTemplate mongo, ClaimsDefaults defaults, InsurerEndpoints endpoints, Clock clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    public Mono<InsurancePolicy> of(String mallId) {
        return mongo.findById(mallId, InsurancePolicy.class).map(this::withDefaults)
                .defaultIfEmpty(new InsurancePolicy(mallId, null, null, null, null, defaults.insurerPhone(),
                        defaults.advanceCapCny(), defaults.stepDueTimes(), null, null));
    }

    /**
     * @param knownItems the checklist items a due time may be set for
     */
    Mono<InsurancePolicy> update(String mallId, UpdatePolicy body, PlatformUser user, Set<String> knownItems) {
        List<Map<String, String>> errors = new ArrayList<>();
        String endpoint = blankToNull(body.insurerEndpoint());
        if (endpoint != null) {
            String problem = endpoints.problemWith(endpoint);
            if (problem != null) {
                errors.add(Map.of("field", "insurerEndpoint", "code", problem));
            }
        }
        if (body.stepDueTimes() != null) {
            body.stepDueTimes().forEach((item, due) -> {
                if (!knownItems.contains(item)) {
                    errors.add(Map.of("field", "stepDueTimes." + item, "code", "unknown-checklist-item"));
                } else if (due == null || due.isNegative() || due.isZero() || due.compareTo(Duration.ofDays(365)) > 0) {
                    errors.add(Map.of("field", "stepDueTimes." + item, "code", "out-of-range"));
                }
            });
        }
        if (!errors.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "validation-failed",
                    Map.of("errors", List.copyOf(errors)), errors.size()));
        }
        return mongo.findById(mallId, InsurancePolicy.class)
                .map(InsurancePolicy::insurerCredential)
                .defaultIfEmpty("")
                .flatMap(stored -> {
                    String credential = body.insurerCredential() == null ? blankToNull(stored)
                            : blankToNull(body.insurerCredential());
                    String phone = blankToNull(body.insurerPhone());
                    return mongo.save(new InsurancePolicy(mallId, body.insurer().strip(), body.policyNumber().strip(),
                            endpoint, credential, phone == null ? defaults.insurerPhone() : phone,
                            body.advanceCapCny(), body.stepDueTimes() == null ? Map.of() : Map.copyOf(body.stepDueTimes()),
                            clock.instant(), user.id()));
                });
    }

    private InsurancePolicy withDefaults(InsurancePolicy p) {
        return new InsurancePolicy(p.mallId(), p.insurer(), p.policyNumber(), p.insurerEndpoint(), p.insurerCredential(),
                p.insurerPhone() == null ? defaults.insurerPhone() : p.insurerPhone(),
                p.advanceCapCny() == null ? defaults.advanceCapCny() : p.advanceCapCny(),
                p.stepDueTimes() == null ? defaults.stepDueTimes() : p.stepDueTimes(), p.updatedAt(), p.updatedBy());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
