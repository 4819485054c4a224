package com.mallservicedesk.intake.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The front desk's business metrics, each tagged with its mall. */
@Component
public class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void requestReceived(String mallId, Channel channel, RequestKind kind) {
        Counter.builder("msd.intake.requests").description("Contacts registered in the reception log")
                .tag("mall", mallId).tag("channel", channel.name()).tag("kind", kind.name())
                .register(meters).increment();
    }

    void accepted(String mallId, Channel channel, Duration waited) {
        Timer.builder("msd.intake.acceptance.time").description("From an online message's arrival to its acceptance")
                .tag("mall", mallId).tag("channel", channel.name())
                .publishPercentileHistogram()
                .register(meters).record(waited.isNegative() ? Duration.ZERO : waited);
    }

    /** A consultation's reply or a suggestion's evaluation not done within its working days (seed 003). */
    void followUpMissed(String mallId, FollowUpClock.Kind which) {
        Counter.builder("msd.intake.follow-ups.missed")
                .description("Consultation replies and suggestion evaluations not done within their working days")
                .tag("mall", mallId).tag("clock", which.name())
                .register(meters).increment();
    }

    void acceptanceLimitBreached(String mallId, Channel channel) {
        Counter.builder("msd.intake.acceptance.breaches").description("Online messages not accepted within the limit")
                .tag("mall", mallId).tag("channel", channel.name())
                .register(meters).increment();
    }
}
