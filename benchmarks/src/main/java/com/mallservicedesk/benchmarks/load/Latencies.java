package com.mallservicedesk.benchmarks.load;

import java.util.Arrays;

/** Records latencies (thread-safe) and summarises them by nearest-rank percentiles. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = Math.max(0, latencyNanos);
    }

    public synchronized int count() {
        return count;
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.95)),
                ms(percentile(sorted, 0.99)), ms(percentile(sorted, 1.0)));
    }

    /** The nearest-rank percentile: the smallest value that at least {@code quantile} of the values do not exceed. */
    static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    private static double ms(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }

    /** Percentiles in milliseconds; NaN without samples. */
    public record Summary(int count, double p50, double p95, double p99, double max) {

        public boolean isEmpty() {
            return count == 0;
        }

        /** "p50 45.4 ms, p99 78.0 ms" */
        public String brief() {
            return isEmpty() ? "no samples" : "p50 %s, p99 %s".formatted(Latencies.format(p50), Latencies.format(p99));
        }

        public String full() {
            return isEmpty() ? "no samples" : "p50 %s, p95 %s, p99 %s, max %s".formatted(Latencies.format(p50),
                    Latencies.format(p95), Latencies.format(p99), Latencies.format(max));
        }
    }

    /** Milliseconds with one decimal below 10 s: "45.4 ms", "12.3 s" above. */
    public static String format(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms < 10_000 ? "%.1f ms".formatted(ms) : "%.1f s".formatted(ms / 1000);
    }
}
