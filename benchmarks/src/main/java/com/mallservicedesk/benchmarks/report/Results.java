package com.mallservicedesk.benchmarks.report;

import com.mallservicedesk.benchmarks.burst.BurstResult;
import com.mallservicedesk.benchmarks.ceiling.CeilingResult;
import com.mallservicedesk.benchmarks.growth.GrowthResult;
import com.mallservicedesk.benchmarks.memory.MemoryReading;
import com.mallservicedesk.benchmarks.rate.RateResult;
import java.util.List;

/**
 * Everything one run measured so far; stages that did not run are empty or null.
 *
 * @param heading    one line on when and where: date, machine, settings
 * @param peakMemory the highest platform RSS read during the run
 */
public record Results(String heading, List<GrowthResult> growth, List<RateResult> rates, BurstResult burst,
                      CeilingResult ceiling, MemoryReading peakMemory) {

    public Results {
        growth = List.copyOf(growth);
        rates = List.copyOf(rates);
    }
}
