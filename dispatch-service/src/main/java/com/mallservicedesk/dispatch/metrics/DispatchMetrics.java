package com.mallservicedesk.dispatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Business metrics of dispatch, tagged with the mall. Durations are histograms (buckets at the seeds' limits) per mall,
 * department and kind; breaches and escalations count per rule ({@code manual} for escalations by hand).
 */
@Component
public class DispatchMetrics {

    /** Buckets at the limits the seeds name (minutes to dispatch, same day, 48 h) instead of dozens of generic ones. */
    private static final Duration[] BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12), Duration.ofHours(24),
            Duration.ofHours(48), Duration.ofDays(4), Duration.ofDays(7)};

    private final MeterRegistry meters;

    DispatchMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A status change of a work order; {@code msd_dispatch_work_orders_total} counts orders entering each status. */
    public void entered(String mallId, String department, String kind, String status) {
        Counter.builder("msd.dispatch.work-orders").description("Work orders entering a status")
                .tags("mall", mallId, "department", tag(department), "kind", tag(kind), "status", status)
                .register(meters).increment();
    }

    public void timeToDispatch(String mallId, String department, String kind, Duration duration) {
        histogram("msd.dispatch.time-to-dispatch", "From acceptance of the request to the order reaching a department",
                mallId, department, kind, duration);
    }

    public void timeToContact(String mallId, String department, String kind, Duration duration) {
        histogram("msd.dispatch.time-to-contact", "From the department receiving the order to contacting the customer",
                mallId, department, kind, duration);
    }

    public void timeToComplete(String mallId, String department, String kind, Duration duration) {
        histogram("msd.dispatch.time-to-complete", "From the order (or its reopening) to completion, per round",
                mallId, department, kind, duration);
    }

    public void breach(String mallId, String department, String rule) {
        Counter.builder("msd.dispatch.sla.breaches").description("Service-level breaches")
                .tags("mall", mallId, "department", tag(department), "rule", rule).register(meters).increment();
    }

    public void escalation(String mallId, String department, String rule, String toRole) {
        Counter.builder("msd.dispatch.escalations").description("Escalation steps")
                .tags("mall", mallId, "department", tag(department), "rule", rule == null ? "manual" : rule, "to_role", toRole)
                .register(meters).increment();
    }

    private void histogram(String name, String description, String mallId, String department, String kind, Duration d) {
        if (d == null || d.isNegative()) {
            return;
        }
        Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS)
                .tags("mall", mallId, "department", tag(department), "kind", tag(kind))
                .register(meters).record(d);
    }

    private static String tag(String value) {
        return value == null ? "none" : value;
    }
}
