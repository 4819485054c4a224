package com.mallservicedesk.benchmarks.growth;

import com.mallservicedesk.benchmarks.load.Latencies;
import com.mallservicedesk.benchmarks.load.PlatformClient;
import java.io.IOException;

/**
 * The front desk's first look at a mall's reception log (its 20 newest requests, no filter), timed one call at a time
 * on a quiet platform: how a list opened by hand fares as the store grows.
 */
public final class ReceptionLogPage {

    private final PlatformClient client;
    private final int calls;

    public ReceptionLogPage(PlatformClient client, int calls) {
        this.client = client;
        this.calls = calls;
    }

    /** Stops the benchmark (an {@link IllegalStateException}) when intake does not show the page. */
    public Latencies.Summary measure(String mall) throws InterruptedException {
        System.out.printf("Measuring the reception log's first page of %s, %d calls one at a time%n", mall, calls);
        Latencies latencies = new Latencies();
        try {
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                client.firstLogPage(mall);
                latencies.add(System.nanoTime() - start);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the reception log's first page failed: " + e.getMessage(), e);
        }
        return latencies.summary();
    }
}
