package com.mallservicedesk.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How dispatch followed a load: the registrations with the {@code createdAt} of their work orders. Both clocks are
 * this machine's wall clock (the benchmark only drives 127.0.0.1).
 */
public record Dispatched(List<Registration> registrations, Map<String, Instant> createdAt) {

    public int missing() {
        return registrations.size() - createdAt.size();
    }

    /** The last 201 of the load. */
    public Instant lastAnswer() {
        return registrations.stream().map(Registration::answeredAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    public Instant firstAnswer() {
        return registrations.stream().map(Registration::answeredAt).min(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** When dispatch opened the last of the work orders. */
    public Instant lastWorkOrder() {
        return createdAt.values().stream().max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** From the last 201 until the last work order was opened; zero if dispatch was done before. */
    public Duration drain() {
        Duration drain = Duration.between(lastAnswer(), lastWorkOrder());
        return drain.isNegative() ? Duration.ZERO : drain;
    }

    /** Work orders still to be opened when the last 201 arrived. */
    public int backlogAtLastAnswer() {
        Instant last = lastAnswer();
        return (int) createdAt.values().stream().filter(at -> at.isAfter(last)).count();
    }

    /** Work orders opened between two moments, per second. */
    public double workOrdersPerSecond(Instant from, Instant to) {
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        long opened = createdAt.values().stream().filter(at -> !at.isBefore(from) && !at.isAfter(to)).count();
        return seconds <= 0 ? 0 : opened / seconds;
    }

    /** From each 201 until dispatch opened the work order. */
    public Latencies toWorkOrder() {
        var latencies = new Latencies();
        for (Registration registration : registrations) {
            Instant created = createdAt.get(registration.requestId());
            if (created != null) {
                latencies.add(Duration.between(registration.answeredAt(), created).toNanos());
            }
        }
        return latencies;
    }
}
