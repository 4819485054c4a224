package com.mallservicedesk.benchmarks.growth;

import com.mallservicedesk.benchmarks.costs.RegistrationCosts;
import com.mallservicedesk.benchmarks.load.Latencies;
import com.mallservicedesk.benchmarks.memory.MemoryReading;

/**
 * Registration and dispatch measured with {@code stored} requests already in the benchmark's malls.
 *
 * @param registration latency of each registration (send to 201) under the closed-loop load
 * @param toWorkOrder  from a 201 until dispatch shows the work order, one request at a time
 * @param costs        what one of the measured registrations cost each process; null when not measured
 * @param searchIndex  how far intake's free-text index fell behind while the stage loaded and measured; null when
 *                     not read
 * @param logPage      the first page of a mall's reception log, one call at a time; null when not measured
 */
public record GrowthResult(long stored, int requests, int concurrency, double perSecond, int failed,
                           String failures, Latencies.Summary registration, Latencies.Summary toWorkOrder,
                           MemoryReading memory, RegistrationCosts costs, SearchIndexWatch.Worst searchIndex,
                           Latencies.Summary logPage) {

    public String line() {
        return "%,d stored: %.0f requests/s (%d failed), registration %s; 201 → work order visible %s; %s".formatted(
                stored, perSecond, failed, registration.brief(), toWorkOrder.brief(), memory.describe());
    }
}
