package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.intake.notice.DeliveryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Escalation messages reaching each state, per mall. */
@Component
class EscalationMetrics {

    private final MeterRegistry meters;

    EscalationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void message(String mallId, DeliveryState state) {
        Counter.builder("msd.intake.escalation.messages").description("Escalation messages that reached a state")
                .tag("mall", mallId).tag("state", state.name())
                .register(meters).increment();
    }
}
