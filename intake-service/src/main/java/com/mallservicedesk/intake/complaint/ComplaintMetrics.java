package com.mallservicedesk.intake.complaint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The complaint register's metrics, each tagged with its mall. */
@Component
class ComplaintMetrics {

    private final MeterRegistry meters;

    ComplaintMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void opened(String mallId) {
        Counter.builder("msd.intake.complaints.opened").description("Complaint registers opened")
                .tag("mall", mallId).register(meters).increment();
    }

    void clockMissed(String mallId, ComplaintClock clock) {
        Counter.builder("msd.intake.complaint.clocks.missed")
                .description("Clocks of the complaint register that passed with their step not done")
                .tag("mall", mallId).tag("clock", clock.name()).register(meters).increment();
    }

    void concluded(String mallId, boolean onTime) {
        Counter.builder("msd.intake.complaints.concluded").description("Complaint registers concluded")
                .tag("mall", mallId).tag("on_time", Boolean.toString(onTime)).register(meters).increment();
    }
}
