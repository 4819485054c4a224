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

    void acceptanceLimitBreached(String mallId, Channel channel) {
        Counter.builder("msd.intake.acceptance.breaches").description("Online messages not accepted within the limit")
                .tag("mall", mallId).tag("channel", channel.name())
                .register(meters).increment();
    }
}
