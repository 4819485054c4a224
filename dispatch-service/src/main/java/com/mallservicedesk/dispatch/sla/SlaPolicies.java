package com.mallservicedesk.dispatch.sla;

import com.mallservicedesk.platform.security.PlatformUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import org.springframework.beans.factory.annotation.Value;
import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;

/** Each mall's service-level policy, falling back to the seeds' defaults. */
@Service
@EnableConfigurationProperties({SlaDefaults.class, SlaPolicyLimits.class})
public class SlaPolicies {

    private static final Logger log = LoggerFactory.getLogger(SlaPolicies.class);

    private final SlaPolicyRepository repository;
    private final SlaDefaults defaults;
    private final SlaPolicyLimits limits;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Read on every save of every work order (its clocks); changed rarely. */
    private final CachedReads<SlaPolicy> cached;

    SlaPolicies(SlaPolicyRepository repository, SlaDefaults defaults, SlaPolicyLimits limits, Clock clock,
                MeterRegistry meters, ConfigurationChanges changes,
                @Value("${dispatch.configuration-cache:PT10M}") Duration cacheFor) {
        this.cached = changes.cache("sla-policies", cacheFor);
        this.repository = repository;
        this.defaults = defaults;
        this.limits = limits;
        this.clock = clock;
        this.meters = meters;
        limits.requireWithin(defaults.policy());
    }

    /**
     * The mall's policy as the clocks use it. A stored value outside the bounds (written before they existed) is not
     * an error for the event being handled: rejecting it as poison would dead-letter every request of the mall until
     * someone repaired the policy, and retrying it would hold up the partition all malls share. The order is opened
     * with the seeds' default for that value instead (what a mall without a policy gets), and each fallback is
     * logged and counted in {@code msd.dispatch.sla.policy.fallbacks} so the mall's policy gets corrected.
     */
    public Mono<SlaPolicy> of(String mallId) {
        return cached.get(mallId, () -> load(mallId));
    }

    private Mono<SlaPolicy> load(String mallId) {
        return repository.findById(mallId).map(stored -> {
            var repaired = limits.repair(stored, defaults.policy());
            if (!repaired.replaced().isEmpty()) {
                log.warn("Mall {} has a stored service-level policy outside the bounds; using the defaults for {}", mallId,
                        repaired.replaced());
                repaired.replaced().forEach(field -> meters.counter("msd.dispatch.sla.policy.fallbacks", "mall", mallId,
                        "field", field).increment());
            }
            return repaired.policy();
        }).defaultIfEmpty(defaults.policy());
    }

    Mono<SlaPolicy> put(String mallId, SlaPolicy policy, PlatformUser user) {
        var problems = limits.problems(policy);
        if (!problems.isEmpty()) {
            return Mono.error(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "sla-policy-invalid", limits.shortest(),
                    limits.longestResponse(), limits.longestCompletion(), limits.mostWorkingDays()));
        }
        return repository.save(SlaPolicyDocument.of(mallId, policy, clock.instant(), user.id())).map(SlaPolicyDocument::policy)
                .delayUntil(saved -> cached.changed(mallId));
    }

    /** How far ahead a department may promise to complete an order it cannot finish today. */
    public Duration longestPromise() {
        return limits.longestPromise();
    }
}
