package com.mallservicedesk.benchmarks.rate;

import com.mallservicedesk.benchmarks.load.Dispatched;
import com.mallservicedesk.benchmarks.load.LoadGenerator;
import com.mallservicedesk.benchmarks.load.Places;
import com.mallservicedesk.benchmarks.load.WorkOrderWatch;
import com.mallservicedesk.benchmarks.memory.PlatformMemory;
import java.time.Duration;

/**
 * Registers at a fixed rate (open loop) for a while, then looks up every work order dispatch opened for the phase:
 * registration latency at that rate, 201 → work order, and whether dispatch kept up.
 */
public final class SustainedRate {

    private static final int WALKERS = 4;

    private final LoadGenerator load;
    private final WorkOrderWatch watch;
    private final PlatformMemory memory;
    private final Places places;
    private final int maxInFlight;

    public SustainedRate(LoadGenerator load, WorkOrderWatch watch, PlatformMemory memory, Places places,
                         int maxInFlight) {
        this.load = load;
        this.watch = watch;
        this.memory = memory;
        this.places = places;
        this.maxInFlight = maxInFlight;
    }

    public RateResult run(double perSecond, Duration duration) throws InterruptedException {
        System.out.printf("Registering %.0f requests/s for %d s (open loop, at most %d in flight)%n", perSecond,
                duration.toSeconds(), maxInFlight);
        var sent = load.openLoop(places, perSecond, duration, maxInFlight);
        var memoryAtEnd = memory.read();
        var dispatched = new Dispatched(sent.registrations(),
                watch.createdAt(sent.registrations(), WALKERS, "looking up the phase's work orders"));
        var result = new RateResult(perSecond, duration, sent.perSecond(), sent.failed(), sent.failureText(),
                sent.latencies().summary(), dispatched.toWorkOrder().summary(),
                dispatched.workOrdersPerSecond(dispatched.firstAnswer(), dispatched.lastAnswer()), dispatched.drain(),
                dispatched.missing(), memoryAtEnd);
        System.out.println("Rate: " + result.line());
        return result;
    }
}
