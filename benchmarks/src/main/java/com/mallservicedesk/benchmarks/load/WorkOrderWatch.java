package com.mallservicedesk.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Finds the work orders dispatch opened for registered requests, by their ids ({@code wo-<request id>}). */
public final class WorkOrderWatch {

    /** How often one request's work order is looked up while it is missing; a probe interval, not a synchronisation. */
    private static final Duration VISIBLE_POLL = Duration.ofMillis(10);
    /** While waiting in a walk, look-ups back off from the first to the longest pause: the times come from dispatch. */
    private static final Duration WALK_FIRST_PAUSE = Duration.ofMillis(25);
    private static final Duration WALK_LONGEST_PAUSE = Duration.ofMillis(400);
    /** Requests sampled when only waiting for dispatch to catch up with a long load. */
    private static final int CATCH_UP_SAMPLES = 200;

    private final PlatformClient client;
    private final Duration patience;

    /** @param patience how long to wait for one work order before counting it as missing */
    public WorkOrderWatch(PlatformClient client, Duration patience) {
        this.client = client;
        this.patience = patience;
    }

    /**
     * Registers requests one at a time and measures from each 201 until dispatch shows its work order (polling
     * every 10 ms, so figures carry up to 10 ms of probe delay).
     */
    public Latencies visibleLatency(Places places, int samples) throws InterruptedException {
        var latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            var answer = client.register(places.next(), i).join();
            if (!answer.created()) {
                continue;
            }
            long registered = System.nanoTime();
            long deadline = registered + patience.toNanos();
            while (System.nanoTime() < deadline) {
                if (lookUp(answer.mall(), answer.requestId()).isPresent()) {
                    latencies.add(System.nanoTime() - registered);
                    break;
                }
                TimeUnit.NANOSECONDS.sleep(VISIBLE_POLL.toNanos());
            }
        }
        return latencies;
    }

    /**
     * Waits for the work order of every registration and returns when dispatch created each ({@code createdAt}).
     * {@code walkers} threads each walk their share in registration order, so a walker waits at the front of the
     * backlog and then finds the ones behind it at once. The times come from dispatch, not from when this probe
     * happened to look, so a slow probe does not distort them. Missing ones get a second wait at the end; those
     * still missing are left out.
     */
    public Map<String, Instant> createdAt(List<Registration> registrations, int walkers, String label)
            throws InterruptedException {
        Map<String, Instant> found = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(walkers);
        try (var progress = new Progress(label, "work orders", registrations.size())) {
            List<Future<?>> walks = new ArrayList<>();
            for (int w = 0; w < walkers; w++) {
                int first = w;
                walks.add(pool.submit(() -> {
                    for (int i = first; i < registrations.size(); i += walkers) {
                        Registration registration = registrations.get(i);
                        awaitWorkOrder(registration).ifPresent(at -> found.put(registration.requestId(), at));
                        progress.add(1);
                    }
                    return null;
                }));
            }
            for (Future<?> walk : walks) {
                walk.get();
            }
            // One partition can trail the others by far more than the patience: a second look at the missing ones.
            for (Registration registration : registrations) {
                if (!found.containsKey(registration.requestId())) {
                    awaitWorkOrder(registration).ifPresent(at -> found.put(registration.requestId(), at));
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return found;
    }

    /**
     * Waits until dispatch has caught up with a long load: walks a sample of the registrations (evenly spread, plus
     * the last ones) in order. Returns how many of the sample never got a work order.
     */
    public int awaitCaughtUp(List<Registration> registrations, String label) throws InterruptedException {
        int size = registrations.size();
        int step = Math.max(1, size / CATCH_UP_SAMPLES);
        int missing = 0;
        try (var progress = new Progress(label, "requests", size)) {
            for (int i = 0; i < size; i++) {
                boolean sampled = i % step == step - 1 || i >= size - 20;
                if (sampled) {
                    if (awaitWorkOrder(registrations.get(i)).isEmpty()) {
                        missing++;
                    }
                    progress.reached(i + 1);
                }
            }
        }
        return missing;
    }

    private Optional<Instant> awaitWorkOrder(Registration registration) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = WALK_FIRST_PAUSE.toNanos();
        while (true) {
            Optional<Instant> createdAt = lookUp(registration.mall(), registration.requestId());
            if (createdAt.isPresent() || System.nanoTime() > deadline) {
                return createdAt;
            }
            TimeUnit.NANOSECONDS.sleep(pause);
            pause = Math.min(pause * 2, WALK_LONGEST_PAUSE.toNanos());
        }
    }

    private Optional<Instant> lookUp(String mall, String requestId) throws InterruptedException {
        try {
            return client.workOrderCreatedAt(mall, requestId);
        } catch (IOException e) {
            return Optional.empty(); // a failed look-up counts as not there yet
        }
    }
}
