package com.mallservicedesk.intake.patrol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Patrol findings recorded, rectified and overdue, per mall. */
@Component
class PatrolMetrics {

    private final MeterRegistry meters;

    PatrolMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void recorded(String mallId) {
        Counter.builder("msd.intake.patrol.findings").description("Patrol findings recorded")
                .tag("mall", mallId).register(meters).increment();
    }

    void overdue(String mallId) {
        Counter.builder("msd.intake.patrol.findings.overdue")
                .description("Patrol findings whose rectification deadline passed while still open")
                .tag("mall", mallId).register(meters).increment();
    }
}
