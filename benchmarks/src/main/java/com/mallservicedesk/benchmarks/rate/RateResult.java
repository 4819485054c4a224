package com.mallservicedesk.benchmarks.rate;

import com.mallservicedesk.benchmarks.load.Latencies;
import com.mallservicedesk.benchmarks.memory.MemoryReading;
import java.time.Duration;

/**
 * A fixed-rate phase.
 *
 * @param registration       latency from each request's scheduled send until its 201
 * @param toWorkOrder        from each 201 until dispatch opened the work order ({@code createdAt})
 * @param workOrdersPerSecond work orders opened per second while the phase ran
 * @param tail               from the last 201 until the last work order was opened
 */
public record RateResult(double targetPerSecond, Duration duration, double perSecond, int failed, String failures,
                         Latencies.Summary registration, Latencies.Summary toWorkOrder, double workOrdersPerSecond,
                         Duration tail, int missing, MemoryReading memory) {

    /** Dispatch kept up: opened work orders at ≥ 95 % of the registration rate and was done within 1 s of the end. */
    public boolean keptUp() {
        return missing == 0 && workOrdersPerSecond >= 0.95 * perSecond && tail.compareTo(Duration.ofSeconds(1)) <= 0;
    }

    public String line() {
        return ("%.0f/s for %ds: %.1f requests/s (%d failed), registration %s; 201 → work order %s; "
                + "%.1f work orders/s, last %.2f s after the last 201, %d missing (%s); %s").formatted(targetPerSecond,
                duration.toSeconds(), perSecond, failed, registration.brief(), toWorkOrder.brief(), workOrdersPerSecond,
                tail.toMillis() / 1000.0, missing, keptUp() ? "kept up" : "did not keep up", memory.describe());
    }
}
