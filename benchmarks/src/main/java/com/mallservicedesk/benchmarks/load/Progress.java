package com.mallservicedesk.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Prints "label: done / total (percent), rate, ETA" every few seconds while a long step runs, and once at the end. */
public final class Progress implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final String label;
    private final String unit;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });

    public Progress(String label, String unit, long total) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        printer.scheduleAtFixedRate(this::print, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void add(long count) {
        done.addAndGet(count);
    }

    /** For steps that know where they are rather than how many they finished. */
    public void reached(long position) {
        done.accumulateAndGet(position, Math::max);
    }

    @Override
    public void close() {
        printer.shutdownNow();
        print();
    }

    private void print() {
        System.out.println(line(label, unit, done.get(), total, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /** "loading: 12,345 / 50,000 (24.7 %), 152 requests/s, ETA 4m 08s" */
    static String line(String label, String unit, long done, long total, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done >= total ? "done in " + clock(elapsed)
                : rate > 0 ? "ETA " + clock(Duration.ofSeconds((long) Math.ceil((total - done) / rate))) : "ETA -";
        return "  %s: %,d / %,d (%.1f %%), %.0f %s/s, %s".formatted(label, done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, unit, eta);
    }

    /** "42s", "4m 08s", "1h 02m 03s" */
    static String clock(Duration duration) {
        long s = duration.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return "%dm %02ds".formatted(s / 60, s % 60);
        }
        return "%dh %02dm %02ds".formatted(s / 3600, s / 60 % 60, s % 60);
    }
}
