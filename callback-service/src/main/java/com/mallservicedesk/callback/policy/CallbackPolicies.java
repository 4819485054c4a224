package com.mallservicedesk.callback.policy;

import com.mallservicedesk.callback.mall.MallSites;
import com.mallservicedesk.callback.mall.Site;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Each mall's callback policy, read by its key (the mall id), falling back to the seeds' defaults for the mall's kind
 * of site; the desk's calendar and time zone always come from intake's mall settings (contract C1).
 */
@Service
public class CallbackPolicies {

    private static final Duration LONGEST_OVERDUE_AFTER = Duration.ofDays(7);

    private final ReactiveMongoTemplate mongo;
    private final MallSites sites;
    private final Clock clock;

    CallbackPolicies(ReactiveMongoTemplate mongo, MallSites sites, Clock clock) {
        this.mongo = mongo;
        this.sites = sites;
        this.clock = clock;
    }

    public Mono<CallbackPolicy> of(String mallId) {
        return Mono.zip(sites.of(mallId), stored(mallId))
                .map(t -> t.getT2().map(d -> d.policy(t.getT1().desk())).orElseGet(() -> CallbackPolicy.forSite(t.getT1())));
    }

    Mono<PolicyView> view(String mallId) {
        return Mono.zip(sites.of(mallId), stored(mallId)).map(t -> {
            Site site = t.getT1();
            return t.getT2().map(d -> PolicyView.of(mallId, d.policy(site.desk()), site, false, d.updatedAt(), d.updatedBy()))
                    .orElseGet(() -> PolicyView.of(mallId, CallbackPolicy.forSite(site), site, true, null, null));
        });
    }

    Mono<PolicyView> put(String mallId, PolicyUpdate update, PlatformUser user) {
        if (update.desk() != null) {
            return Mono.error(invalid("desk", "desk-hours-at-intake", mallId));
        }
        if (update.overdueAfter() != null && (update.overdueAfter().isNegative() || update.overdueAfter().isZero()
                || update.overdueAfter().compareTo(LONGEST_OVERDUE_AFTER) > 0)) {
            return Mono.error(invalid("overdueAfter", "overdue-after-invalid", update.overdueAfter()));
        }
        return sites.of(mallId).flatMap(site -> mongo.save(CallbackPolicyDocument.of(mallId, update.policy(site.desk()),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), user.id()))
                .map(d -> PolicyView.of(mallId, d.policy(site.desk()), site, false, d.updatedAt(), d.updatedBy())));
    }

    private Mono<Optional<CallbackPolicyDocument>> stored(String mallId) {
        return mongo.findById(mallId, CallbackPolicyDocument.class).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static ApiException invalid(String field, String code, Object argument) {
        return new ApiException(HttpStatus.BAD_REQUEST, code,
                Map.of("errors", List.of(Map.of("field", field, "code", code))), argument);
    }
}
