package com.mallservicedesk.dispatch.routing;

import com.mallservicedesk.dispatch.department.Departments;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import java.time.Duration;
import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;

/** Chooses the department for a request and keeps each mall's routing table. */
@Service
public class Router {

    private final RoutingRulesRepository repository;
    private final Departments departments;
    private final Clock clock;
    private final String systemDefault;
    private final CachedReads<RoutingRules> cached;

    Router(RoutingRulesRepository repository, Departments departments, Clock clock,
           @Value("${dispatch.default-department}") String systemDefault,
           ConfigurationChanges changes, @Value("${dispatch.configuration-cache:PT10M}") Duration cacheFor) {
        this.repository = repository;
        this.departments = departments;
        this.clock = clock;
        this.systemDefault = systemDefault;
        this.cached = changes.cache("routing-rules", cacheFor);
    }

    /** Empty when the mall's rules name no department for it: the front desk assigns it by hand. */
    public Mono<Optional<String>> route(String mallId, RoutingFacts facts) {
        return cached.get(mallId, () -> repository.findById(mallId))
                .map(rules -> Optional.ofNullable(rules.departmentFor(facts)))
                // A mall that configured nothing sends everything to the default department (customer service).
                .defaultIfEmpty(Optional.of(systemDefault));
    }

    Mono<RoutingRules> get(String mallId) {
        return repository.findById(mallId)
                .defaultIfEmpty(new RoutingRules(mallId, List.of(), systemDefault, null, null));
    }

    Mono<RoutingRules> put(String mallId, List<RoutingRules.RoutingRule> rules, String defaultDepartment, PlatformUser user) {
        Set<String> named = new LinkedHashSet<>();
        rules.forEach(rule -> named.add(rule.department()));
        if (defaultDepartment != null) {
            named.add(defaultDepartment);
        }
        return Flux.fromIterable(named)
                .filterWhen(code -> isKnown(mallId, code).map(known -> !known))
                .collectList()
                .flatMap(unknown -> unknown.isEmpty()
                        ? repository.save(new RoutingRules(mallId, new ArrayList<>(rules), defaultDepartment, clock.instant(), user.id()))
                                .delayUntil(saved -> cached.changed(mallId))
                        : Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "routing-department-unknown",
                                String.join(", ", unknown))));
    }

    /** A configured department, or the system default that works without configuration. */
    public Mono<Boolean> isKnown(String mallId, String code) {
        return systemDefault.equals(code) ? Mono.just(true) : departments.exists(mallId, code);
    }
}
