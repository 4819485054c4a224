package com.mallservicedesk.callback.followup;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Callback counters per mall: scheduled, done, on time, overdue, unreachable, attempts, escalations. Rates per month
 * are stored figures (stats) and shown as gauges there; these counters feed rate alerts over any window.
 */
@Component
class CallbackMetrics {

    private final MeterRegistry meters;

    CallbackMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void created(Callback c) {
        switch (c.getStatus()) {
            case EXEMPT -> meters.counter("msd.callback.exempt", "mall", c.getMallId(), "reason", c.getExemptReason().name())
                    .increment();
            case NO_CONTACT -> meters.counter("msd.callback.no.contact", "mall", c.getMallId(), "department",
                    department(c)).increment();
            default -> {
                if (c.getCallbackKind() == CallbackKind.DAILY) {
                    meters.counter("msd.callback.proactive.scheduled", "mall", c.getMallId()).increment();
                } else {
                    meters.counter("msd.callback.scheduled", "mall", c.getMallId(), "department", department(c)).increment();
                }
            }
        }
    }

    void attempted(Callback c, AttemptOutcome outcome) {
        meters.counter("msd.callback.attempts", "mall", c.getMallId(), "outcome", outcome.name()).increment();
        if (c.getStatus() == CallbackStatus.UNREACHABLE && outcome == AttemptOutcome.UNREACHABLE) {
            meters.counter("msd.callback.unreachable", "mall", c.getMallId()).increment();
        }
    }

    void completed(Callback c) {
        String satisfied = String.valueOf(Boolean.TRUE.equals(c.getSatisfied()));
        if (c.getCallbackKind() == CallbackKind.DAILY) {
            meters.counter("msd.callback.proactive.completed", "mall", c.getMallId(), "satisfied", satisfied).increment();
            return;
        }
        meters.counter("msd.callback.completed", "mall", c.getMallId(), "department", department(c), "satisfied", satisfied)
                .increment();
        meters.counter("msd.callback.completed.on.time", "mall", c.getMallId(), "on_time",
                String.valueOf(Boolean.TRUE.equals(c.getOnTime()))).increment();
        meters.timer("msd.callback.delay", "mall", c.getMallId())
                .record(Duration.between(c.getWorkCompletedAt(), c.getCompletedAt()));
        if (c.isEscalated()) {
            meters.counter("msd.callback.escalations", "mall", c.getMallId()).increment();
            if (c.unsatisfiedRounds() == c.supervisorAfter()) {
                // The case reached the mall's threshold with this callback: handed to the supervisor (seed 003 §2).
                meters.counter("msd.callback.supervisor.handovers", "mall", c.getMallId()).increment();
            }
        }
    }

    void overdue(Callback c) {
        meters.counter("msd.callback.overdue", "mall", c.getMallId()).increment();
    }

    private static String department(Callback c) {
        return c.getDepartment() == null ? "none" : c.getDepartment();
    }
}
