package com.mallservicedesk.callback.policy;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each mall's callback policy, read by its key (the mall id), falling back to the seeds' defaults. */
@Service
public class CallbackPolicies {

    private static final Duration LONGEST_OVERDUE_AFTER = Duration.ofDays(7);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    CallbackPolicies(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<CallbackPolicy> of(String mallId) {
        return mongo.findById(mallId, CallbackPolicyDocument.class).map(CallbackPolicyDocument::policy)
                .defaultIfEmpty(CallbackPolicy.MALL);
    }

    Mono<PolicyView> view(String mallId) {
        return mongo.findById(mallId, CallbackPolicyDocument.class)
                .map(d -> PolicyView.of(mallId, d.policy(), false, d.updatedAt(), d.updatedBy()))
                .defaultIfEmpty(PolicyView.of(mallId, CallbackPolicy.MALL, true, null, null));
    }

    Mono<PolicyView> put(String mallId, PolicyUpdate update, PlatformUser user) {
        CallbackPolicy policy = update.policy();
        String deskProblem = policy.desk().problem();
        if (deskProblem != null) {
            return Mono.error(invalid("desk." + deskProblem, "desk-hours-invalid", deskProblem));
        }
        if (policy.overdueAfter().isNegative() || policy.overdueAfter().isZero()
                || policy.overdueAfter().compareTo(LONGEST_OVERDUE_AFTER) > 0) {
            return Mono.error(invalid("overdueAfter", "overdue-after-invalid", policy.overdueAfter()));
        }
        return mongo.save(CallbackPolicyDocument.of(mallId, policy, clock.instant().truncatedTo(ChronoUnit.MILLIS), user.id()))
                .map(d -> PolicyView.of(mallId, d.policy(), false, d.updatedAt(), d.updatedBy()));
    }

    private static ApiException invalid(String field, String code, Object argument) {
        return new ApiException(HttpStatus.BAD_REQUEST, code,
                Map.of("errors", List.of(Map.of("field", field, "code", code))), argument);
    }
}
