package com.mallservicedesk.benchmarks.growth;

import com.mallservicedesk.benchmarks.costs.PrometheusCounters;
import com.mallservicedesk.benchmarks.costs.ServiceMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How far intake's free-text index fell behind the registrations during a stage. The index is written off the
 * request's path, so neither throughput nor the 201 shows it: every few seconds this reads intake's texts waiting to be
 * indexed and the longest a text waited (Micrometer's maximum of the last two minutes), and keeps the worst of each
 * until the stage takes them.
 */
public final class SearchIndexWatch implements AutoCloseable {

    static final String WAITING = "msd_intake_search_index_waiting";
    static final String LAG_MAX = "msd_intake_search_index_lag_seconds_max";
    private static final Duration EVERY = Duration.ofSeconds(5);

    /**
     * The worst readings since the last {@link #take}, and the texts still waiting when it was taken.
     *
     * @param waiting      most texts waiting at once, over all intake instances
     * @param lagSeconds   longest a text waited, on any instance
     * @param waitingAtEnd texts waiting when taken; NaN when intake did not answer then
     */
    public record Worst(double waiting, double lagSeconds, double waitingAtEnd) {

        public String brief() {
            return "at most %,.0f texts waiting, the oldest %.1f s; %s".formatted(waiting, lagSeconds,
                    Double.isNaN(waitingAtEnd) ? "not read at the end" : "%,.0f waiting at the end".formatted(
                            waitingAtEnd));
        }
    }

    private final Supplier<Optional<List<PrometheusCounters>>> intake;
    private final ScheduledExecutorService reader;
    private double worstWaiting;
    private double worstLag;
    private boolean any;

    /** Reads on its own thread from now on, until closed. */
    public static SearchIndexWatch of(ServiceMetrics intake) {
        return new SearchIndexWatch(intake::readEach, true);
    }

    /** @param reading whether to read every few seconds on a thread of its own; tests call {@link #read} instead */
    SearchIndexWatch(Supplier<Optional<List<PrometheusCounters>>> intake, boolean reading) {
        this.intake = intake;
        this.reader = reading ? Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "search-index-watch");
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (reader != null) {
            reader.scheduleWithFixedDelay(this::read, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One reading: the texts waiting now. An intake that does not answer, or has no free-text index metrics, is
     * passed over.
     */
    synchronized Optional<Double> read() {
        Optional<List<PrometheusCounters>> instances = intake.get();
        if (instances.isEmpty() || instances.get().stream().noneMatch(counters -> counters.has(WAITING))) {
            return Optional.empty();
        }
        double waiting = 0;
        for (PrometheusCounters instance : instances.get()) {
            waiting += instance.total(WAITING);
            worstLag = Math.max(worstLag, instance.total(LAG_MAX));
        }
        worstWaiting = Math.max(worstWaiting, waiting);
        any = true;
        return Optional.of(waiting);
    }

    /** The worst since the last take (empty if nothing was read), and starts over. */
    public synchronized Optional<Worst> take() {
        Optional<Double> now = read();
        Optional<Worst> worst = any ? Optional.of(new Worst(worstWaiting, worstLag, now.orElse(Double.NaN)))
                : Optional.empty();
        worstWaiting = 0;
        worstLag = 0;
        any = false;
        return worst;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.shutdownNow();
        }
    }
}
