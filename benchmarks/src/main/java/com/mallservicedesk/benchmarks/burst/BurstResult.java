package com.mallservicedesk.benchmarks.burst;

import com.mallservicedesk.benchmarks.memory.MemoryReading;
import java.time.Duration;

/**
 * A burst sent as fast as intake takes it, and how dispatch drained it.
 *
 * @param backlog           work orders still to be opened when the burst's last 201 arrived
 * @param drain             from the burst's last 201 until its last work order was opened
 * @param drainPerSecond    work orders opened per second during the drain
 */
public record BurstResult(int size, int concurrency, double sendSeconds, double perSecond, int failed, String failures,
                          int backlog, Duration drain, double drainPerSecond, int missing, MemoryReading memory) {

    public String line() {
        return ("%d requests, %d concurrent: sent in %.1f s (%.0f requests/s, %d failed); backlog %d at the last 201, "
                + "drained %.2f s later (%.0f work orders/s), %d missing; %s").formatted(size, concurrency, sendSeconds,
                perSecond, failed, backlog, drain.toMillis() / 1000.0, drainPerSecond, missing, memory.describe());
    }
}
