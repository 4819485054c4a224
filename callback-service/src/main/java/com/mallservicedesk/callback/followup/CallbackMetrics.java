package com.mallservicedesk.callback.followup;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Callback rate (callbacks done ÷ callbacks due, target ≥ 95 %, seed 000 §4.4.6) and the satisfaction of
 * callback answers (target ≥ 90 %, seed 001 §二.5), per mall.
 */
@Component
class CallbackMetrics {

    private final MeterRegistry meters;

    CallbackMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void scheduled(Callback callback) {
        meters.counter("msd.callback.scheduled", "mall", callback.getMallId(), "department", callback.getDepartment())
                .increment();
    }

    void completed(Callback callback) {
        boolean satisfied = callback.getResult().satisfied();
        meters.counter("msd.callback.completed", "mall", callback.getMallId(), "department", callback.getDepartment(),
                "satisfied", String.valueOf(satisfied)).increment();
        boolean onTime = !callback.getCompletedAt().isAfter(callback.getDueAt());
        meters.counter("msd.callback.completed.on.time", "mall", callback.getMallId(), "on_time", String.valueOf(onTime))
                .increment();
        meters.timer("msd.callback.delay", "mall", callback.getMallId())
                .record(Duration.between(callback.getWorkCompletedAt(), callback.getCompletedAt()));
    }
}
