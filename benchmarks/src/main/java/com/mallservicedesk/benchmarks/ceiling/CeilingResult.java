package com.mallservicedesk.benchmarks.ceiling;

import com.mallservicedesk.benchmarks.load.Latencies;

/**
 * What the store and the broker take without the services, at the benchmark's concurrency.
 *
 * @param both  one MongoDB insert, then one Kafka send waited for, per operation: a registration's bare work
 * @param mongo the insert alone
 * @param kafka the send alone
 */
public record CeilingResult(int operations, int concurrency, Pass both, Pass mongo, Pass kafka, int documentBytes,
                            int recordBytes) {

    /** One pass over the operations. */
    public record Pass(double perSecond, int failed, Latencies.Summary latency) {

        public String text() {
            return "%.0f operations/s (%d failed), %s".formatted(perSecond, failed, latency.brief());
        }
    }

    public String line() {
        return "%d operations, %d concurrent: insert + send %s; insert alone %s; send alone %s; document %d B, record %d B"
                .formatted(operations, concurrency, both.text(), mongo.text(), kafka.text(), documentBytes, recordBytes);
    }
}
