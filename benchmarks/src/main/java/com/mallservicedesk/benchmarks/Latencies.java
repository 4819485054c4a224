package com.mallservicedesk.benchmarks;

import java.util.Arrays;

/** Latency samples in microseconds and their percentiles. */
final class Latencies {

    private final long[] micros;
    private int count;

    Latencies(int capacity) {
        micros = new long[capacity];
    }

    synchronized void add(long nanos) {
        micros[count++] = nanos / 1_000;
    }

    synchronized String summary() {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return "p50 %s | p95 %s | p99 %s | max %s".formatted(ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                ms(sorted, 1.0));
    }

    synchronized int count() {
        return count;
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return "%.1f ms".formatted(sorted[Math.max(index, 0)] / 1000.0);
    }
}
