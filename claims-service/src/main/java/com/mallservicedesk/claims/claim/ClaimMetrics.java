package com.mallservicedesk.claims.claim;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Business metrics of claims, every one tagged with the mall. Claims per stage are gauges: {@link ClaimStageGauges}. */
@Component
class ClaimMetrics {

    /** The report to the insurer is due within the day (checklist INSURER_NOTIFIED): buckets around that. */
    private static final Duration[] FNOL_BUCKETS = {Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofDays(7)};

    private final MeterRegistry meters;

    ClaimMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void opened(String mallId) {
        Counter.builder("msd.claims.opened").description("Claim files opened").tag("mall", mallId).register(meters)
                .increment();
    }

    /** From the incident to the first report to the insurer (first notice of loss), by the channel that made it. */
    void firstNoticeOfLoss(String mallId, String channel, Duration latency) {
        if (latency == null || latency.isNegative()) {
            return;
        }
        Timer.builder("msd.claims.fnol.latency").description("From the incident to the first report to the insurer")
                .serviceLevelObjectives(FNOL_BUCKETS).tags("mall", mallId, "channel", channel).register(meters)
                .record(latency);
    }

    void advance(String mallId, String status, BigDecimal amount) {
        Counter.builder("msd.claims.advances").description("Advances of treatment costs by what happened to them")
                .tags("mall", mallId, "status", status).register(meters).increment();
        if (!"AWAITING_APPROVAL".equals(status)) {
            DistributionSummary.builder("msd.claims.advances.amount").baseUnit("cny")
                    .description("Amounts advanced (paid within the cap, or approved above it)")
                    .tag("mall", mallId).register(meters).record(amount.doubleValue());
        }
    }

    void stepOverdue(String mallId, String item) {
        Counter.builder("msd.claims.steps.overdue").description("Checklist steps not done by their due time")
                .tags("mall", mallId, "item", item).register(meters).increment();
    }

    void archived(String mallId, String outcome) {
        Counter.builder("msd.claims.archived").description("Claims archived, by outcome")
                .tags("mall", mallId, "outcome", outcome).register(meters).increment();
    }

    void insurerDelivery(String mallId, String outcome) {
        Counter.builder("msd.claims.insurer.deliveries").description("Attempts to deliver reports to the insurer API")
                .tags("mall", mallId, "outcome", outcome).register(meters).increment();
    }
}
