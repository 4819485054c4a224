package com.mallservicedesk.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Registers requests at intake with a bounded number of calls in flight, either as fast as intake answers (closed
 * loop) or at a fixed rate whatever intake does (open loop).
 */
public final class LoadGenerator {

    private final PlatformClient client;
    private final AtomicLong registered = new AtomicLong();

    public LoadGenerator(PlatformClient client) {
        this.client = client;
    }

    /** Everything a load produced; registrations in the order they were sent. */
    public record Result(List<Registration> registrations, Latencies latencies, Map<String, Integer> failures,
                         long elapsedNanos) {

        public int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        public double perSecond() {
            return elapsedNanos == 0 ? 0 : registrations.size() / (elapsedNanos / 1e9);
        }

        /** "2 × 503, 1 × no answer" */
        public String failureText() {
            return failures.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                    .reduce((a, b) -> a + ", " + b).orElse("none");
        }
    }

    /** How many 201s this generator has received in all its loads. */
    public long registered() {
        return registered.get();
    }

    /** Sends {@code count} requests, keeping {@code concurrency} in flight; latency is measured from each send. */
    public Result closedLoop(Places places, int count, int concurrency, Progress progress) throws InterruptedException {
        return run(places, count, concurrency, i -> 0L, false, progress);
    }

    /**
     * Sends at a fixed rate for the duration, with at most {@code maxInFlight} calls open. Latency is measured from
     * each call's scheduled time, so a stalled intake shows up in the figures instead of slowing the load down.
     */
    public Result openLoop(Places places, double perSecond, Duration duration, int maxInFlight)
            throws InterruptedException {
        int count = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        double interval = 1e9 / perSecond;
        return run(places, count, maxInFlight, i -> Math.round(i * interval), true, null);
    }

    private interface Schedule {
        long offsetNanos(long index);
    }

    private Result run(Places places, int count, int inFlight, Schedule schedule, boolean fromSchedule,
                       Progress progress) throws InterruptedException {
        var registrations = new ArrayList<Registration>(count);
        var latencies = new Latencies();
        var failures = new TreeMap<String, Integer>();
        var permits = new Semaphore(inFlight);
        var finished = new CountDownLatch(count);
        long start = System.nanoTime();
        var lastAnswer = new AtomicLong(start);
        for (long i = 0; i < count; i++) {
            long scheduled = start + schedule.offsetNanos(i);
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            permits.acquire();
            long sent = System.nanoTime();
            long origin = fromSchedule ? scheduled : sent;
            long sequence = i;
            client.register(places.next(), sequence).whenComplete((answer, failure) -> {
                long now = System.nanoTime();
                permits.release();
                try {
                    boolean created = failure == null && answer.created();
                    synchronized (registrations) {
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (created) {
                            registrations.add(new Registration(sequence, answer.mall(), answer.requestId(),
                                    now - origin, answer.answeredAt()));
                        } else {
                            String reason = failure != null || answer.status() < 0 ? "no answer" : "HTTP " + answer.status();
                            failures.merge(reason, 1, Integer::sum);
                        }
                    }
                    if (created) {
                        latencies.add(now - origin);
                        registered.incrementAndGet();
                        if (progress != null) {
                            progress.add(1);
                        }
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        synchronized (registrations) {
            registrations.sort(Comparator.comparingLong(Registration::sequence));
            return new Result(List.copyOf(registrations), latencies, Collections.unmodifiableMap(failures), lastAnswer.get() - start);
        }
    }
}
