package com.mallservicedesk.dispatch.sla;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each mall's service-level policy, falling back to the seeds' defaults. */
@Service
@EnableConfigurationProperties(SlaDefaults.class)
public class SlaPolicies {

    private final SlaPolicyRepository repository;
    private final SlaDefaults defaults;
    private final Clock clock;

    SlaPolicies(SlaPolicyRepository repository, SlaDefaults defaults, Clock clock) {
        this.repository = repository;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Mono<SlaPolicy> of(String mallId) {
        return repository.findById(mallId).map(SlaPolicyDocument::policy).defaultIfEmpty(defaults.policy());
    }

    Mono<SlaPolicy> put(String mallId, SlaPolicy policy, PlatformUser user) {
        if (!policy.positive()) {
            return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "sla-policy-invalid"));
        }
        return repository.save(SlaPolicyDocument.of(mallId, policy, clock.instant(), user.id())).map(SlaPolicyDocument::policy);
    }
}
