package com.mallservicedesk.benchmarks.burst;

import com.mallservicedesk.benchmarks.load.Dispatched;
import com.mallservicedesk.benchmarks.load.LoadGenerator;
import com.mallservicedesk.benchmarks.load.Places;
import com.mallservicedesk.benchmarks.load.WorkOrderWatch;
import com.mallservicedesk.benchmarks.memory.PlatformMemory;

/**
 * Sends a burst as fast as intake answers, then measures the drain: from the burst's last 201 until every request
 * of the burst has its work order, and how fast dispatch opened them meanwhile.
 */
public final class Burst {

    private static final int WALKERS = 4;

    private final LoadGenerator load;
    private final WorkOrderWatch watch;
    private final PlatformMemory memory;
    private final Places places;

    public Burst(LoadGenerator load, WorkOrderWatch watch, PlatformMemory memory, Places places) {
        this.load = load;
        this.watch = watch;
        this.memory = memory;
        this.places = places;
    }

    public BurstResult run(int size, int concurrency) throws InterruptedException {
        System.out.printf("Burst: %d requests, %d concurrent%n", size, concurrency);
        var sent = load.closedLoop(places, size, concurrency, null);
        var memoryAtEnd = memory.read();
        var dispatched = new Dispatched(sent.registrations(),
                watch.createdAt(sent.registrations(), WALKERS, "looking up the burst's work orders"));
        double drainSeconds = dispatched.drain().toNanos() / 1e9;
        int backlog = dispatched.backlogAtLastAnswer();
        var result = new BurstResult(size, concurrency, sent.elapsedNanos() / 1e9, sent.perSecond(), sent.failed(),
                sent.failureText(), backlog, dispatched.drain(), drainSeconds > 0 ? backlog / drainSeconds : 0,
                dispatched.missing(), memoryAtEnd.max(memory.read()));
        System.out.println("Burst: " + result.line());
        return result;
    }
}
