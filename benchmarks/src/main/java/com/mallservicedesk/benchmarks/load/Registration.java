package com.mallservicedesk.benchmarks.load;

import java.time.Instant;

/**
 * A request intake answered with 201.
 *
 * @param sequence   the order in which it was sent within its load
 * @param latencyNanos from the send (closed loop) or its scheduled time (open loop) until the 201
 * @param answeredAt when the 201 arrived, by the wall clock (compared with dispatch's {@code createdAt}: same machine)
 */
public record Registration(long sequence, String mall, String requestId, long latencyNanos, Instant answeredAt) {
}
