package com.mallservicedesk.intake.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts notice deliveries reaching each state, per mall. */
@Component
class NoticeMetrics {

    private final MeterRegistry meters;

    NoticeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void delivery(String mallId, DeliveryState state) {
        Counter.builder("msd.intake.notice.deliveries").description("Notice deliveries that reached a state")
                .tag("mall", mallId).tag("state", state.name())
                .register(meters).increment();
    }
}
