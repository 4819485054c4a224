package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.insurer.FirstNoticeOfLoss;
import com.mallservicedesk.claims.insurer.InsurerGateway;
import com.mallservicedesk.claims.policy.InsurancePolicy;
import com.mallservicedesk.claims.policy.MallPolicies;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reports a claim to the insurer (seed 000 §第三條 4.2.2): checks that the report holds what the seed requires, then
 * delivers it through the insurer's API until the insurer takes it. The state of the delivery is kept on the claim; each
 * failed attempt stores the next one as a durable timer on the claim, so an insurer outage loses nothing, whichever
 * instance is running when it ends. The telephone report to the insurer's line is recorded by hand.
 */
@Service
class InsurerReports {

    private static final Logger log = LoggerFactory.getLogger(InsurerReports.class);

    private final Claims claims;
    private final MallPolicies policies;
    private final InsurerGateway gateway;
    private final ClaimMetrics metrics;
    private final Clock clock;
    private final Duration retryInterval;
    private final Duration maxRetryInterval;
    private final Duration attemptLease;
    private final ZoneId zone;

    InsurerReports(Claims claims, MallPolicies policies, InsurerGateway gateway, ClaimMetrics metrics, Clock clock,
                   @Value("${claims.insurer.retry-interval:PT1M}") Duration retryInterval,
                   @Value("${claims.insurer.max-retry-interval:PT30M}") Duration maxRetryInterval,
                   @Value("${claims.insurer.attempt-lease:PT2M}") Duration attemptLease,
                   @Value("${claims.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.claims = claims;
        this.policies = policies;
        this.gateway = gateway;
        this.metrics = metrics;
        this.clock = clock;
        this.retryInterval = retryInterval;
        this.maxRetryInterval = maxRetryInterval;
        this.attemptLease = attemptLease;
        this.zone = zone;
    }

    /** Checks the report, starts a delivery round and makes its first attempt; answers with the claim after it. */
    Mono<Claim> request(String mallId, String claimId, PlatformUser user) {
        return Mono.zip(claims.find(mallId, claimId), policies.of(mallId)).flatMap(found -> {
            Claim claim = found.getT1();
            InsurancePolicy policy = found.getT2();
            List<String> missing = missingFields(claim, policy);
            if (!missing.isEmpty()) {
                return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "insurer-report-incomplete",
                        Map.of("missingFields", missing), String.join(", ", missing)));
            }
            if (policy.insurerEndpoint() == null) {
                return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "insurer-endpoint-missing",
                        policy.insurerPhone()));
            }
            Instant now = clock.instant();
            return claims.change(mallId, claimId, c -> c.requestInsurerReport(user.id(), now, now.plus(attemptLease)))
                    .flatMap(requested -> attempt(mallId, claimId, requested.getInsurerReport().round(), 1))
                    .then(claims.find(mallId, claimId));
        });
    }

    /**
     * One delivery attempt, if it is the one due: from the request itself or from a retry timer. Completes when the
     * outcome is stored; a failure of the insurer is an outcome, not an error.
     */
    Mono<Void> attempt(String mallId, String claimId, int round, int attempt) {
        var claimed = new boolean[1];
        Instant now = clock.instant();
        return claims.changeIfPresent(mallId, claimId, claim -> {
                    claimed[0] = claim.startInsurerAttempt(round, attempt, now, now.plus(attemptLease));
                    return List.of();
                })
                .filter(claim -> claimed[0])
                .flatMap(claim -> policies.of(mallId).flatMap(policy -> send(claim, policy)
                        .flatMap(reference -> {
                            metrics.insurerDelivery(mallId, "delivered");
                            return claims.changeIfPresent(mallId, claimId,
                                    c -> c.insurerDelivered(round, attempt, reference, clock.instant()));
                        })
                        .onErrorResume(error -> failed(mallId, claimId, round, attempt, error))))
                .then();
    }

    private Mono<String> send(Claim claim, InsurancePolicy policy) {
        if (policy.insurerEndpoint() == null) {
            return Mono.error(new IllegalStateException("no insurer endpoint configured for the mall"));
        }
        return gateway.report(claim.getMallId(), policy.insurerEndpoint(), policy.insurerCredential(),
                noticeOf(claim, policy));
    }

    private Mono<Claim> failed(String mallId, String claimId, int round, int attempt, Throwable error) {
        boolean retryable = InsurerGateway.retryable(error);
        String reason = InsurerGateway.reason(error);
        Instant now = clock.instant();
        Instant next = now.plus(backoff(attempt));
        metrics.insurerDelivery(mallId, retryable ? "failed" : "rejected");
        // Reasons are our own words (status codes, exception types): never the report or the credential. An insurer
        // that stays down is logged on the first failure and every tenth.
        if (attempt == 1 || attempt % 10 == 0 || !retryable) {
            log.warn("Report of claim {} to the insurer failed (round {}, attempt {}){}: {}", claimId, round, attempt,
                    retryable ? ", retrying at " + next : ", refused", reason);
        }
        return claims.changeIfPresent(mallId, claimId, c -> c.insurerFailed(round, attempt, reason, retryable, now, next));
    }

    /** Doubling from the retry interval up to the maximum, so a long outage costs a few attempts an hour. */
    Duration backoff(int attempt) {
        Duration wait = retryInterval;
        for (int i = 1; i < attempt && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }

    /** The telephone report (95518-style), recorded by hand with the call time. */
    Mono<Claim> recordPhoneReport(String mallId, String claimId, Instant calledAt, String reference, String note,
                                  PlatformUser user) {
        if (calledAt.isAfter(clock.instant().plusSeconds(60))) {
            return Mono.error(ApiException.badRequest("call-time-in-future", calledAt));
        }
        return policies.of(mallId).flatMap(policy -> claims.change(mallId, claimId,
                claim -> claim.reportedByPhone(calledAt, policy.insurerPhone(), reference, note, user.id(),
                        clock.instant())));
    }

    /** What the seed requires of a report (seed 000 §第三條 4.2.2): the names of the missing fields. */
    static List<String> missingFields(Claim claim, InsurancePolicy policy) {
        List<String> missing = new ArrayList<>();
        if (!hasPlace(claim)) {
            missing.add("place");
        }
        if (claim.getOccurredAt() == null) {
            missing.add("occurredAt");
        }
        if (blank(policy.policyNumber())) {
            missing.add("policyNumber");
        }
        if (blank(claim.getDescription())) {
            missing.add("account");
        }
        if (claim.getParties().isEmpty()) {
            missing.add("parties");
        }
        if (claim.getInjured().isEmpty()) {
            missing.add("injured");
        }
        if (blank(claim.getDamage()) && claim.getDamagedBelongings().isEmpty()) {
            missing.add("damage");
        }
        if (claim.getEstimatedLossCny() == null) {
            missing.add("estimatedLossCny");
        }
        return missing;
    }

    private FirstNoticeOfLoss noticeOf(Claim claim, InsurancePolicy policy) {
        var local = claim.getOccurredAt().atZone(zone);
        List<String> damage = new ArrayList<>();
        if (!blank(claim.getDamage())) {
            damage.add(claim.getDamage());
        }
        claim.getDamagedBelongings().forEach(b -> damage.add(b.item() + (b.damage() == null ? "" : ": " + b.damage())));
        return new FirstNoticeOfLoss(claim.getId(), claim.getMallId(), policy.policyNumber(), claim.getOccurredAt(),
                local.toLocalDate(), local.toLocalTime().withNano(0), placeOf(claim),
                claim.getCategory() == null ? null : claim.getCategory().name(), claim.getDescription(),
                claim.getParties().stream().map(p -> p.role() == null ? p.name() : p.name() + " (" + p.role() + ")").toList(),
                claim.getInjured().stream().map(i -> new FirstNoticeOfLoss.Injured(i.name(), i.employer(), i.injury()))
                        .toList(),
                claim.getThirdParties().stream().map(People.ThirdParty::name).toList(), String.join("; ", damage),
                claim.getEstimatedLossCny().toPlainString(), claim.getHandlerName());
    }

    static String placeOf(Claim claim) {
        List<String> parts = new ArrayList<>();
        if (claim.getLocation() != null) {
            Location l = claim.getLocation();
            for (String part : new String[] {l.floor(), l.zone(), l.unit()}) {
                if (!blank(part)) {
                    parts.add(part);
                }
            }
        }
        if (!blank(claim.getPlaceDescription())) {
            parts.add(claim.getPlaceDescription());
        }
        return String.join(" ", parts);
    }

    private static boolean hasPlace(Claim claim) {
        return !placeOf(claim).isBlank();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
