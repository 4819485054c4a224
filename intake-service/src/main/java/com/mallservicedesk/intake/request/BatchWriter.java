package com.mallservicedesk.intake.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The free-text indexer's loop: takes what has queued up, a batch at a time, and writes it. A batch the store did not
 * take (it was away, or slower than {@code timeout}) is kept and written again, before anything newer and after a
 * pause that doubles up to {@code maxPause}: in a load of 200,000 requests the store answered a batch too slowly twenty
 * times, and dropping those batches left 9,929 requests that no search found. Writing again is safe,
 * because every write of the index sets what the text implies. Only when the service stops is a failed batch given up;
 * the next start indexes the requests of the last minutes again.
 */
final class BatchWriter<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final Duration timeout;
    private final Duration firstPause;
    private final Duration maxPause;

    BatchWriter(BlockingQueue<T> queue, int maxBatch, Duration timeout, Duration firstPause, Duration maxPause) {
        this.queue = queue;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /**
     * Writes batches until {@code running} turns false and the queue is empty.
     *
     * @param write   writes one batch
     * @param between run after each batch written, and each second nothing is queued: bounded work of its own
     * @param settled told how many queued items were written, or given up at the stop
     */
    void run(BooleanSupplier running, Function<List<T>, Mono<Void>> write, Supplier<Mono<Void>> between,
             IntConsumer settled) {
        List<T> batch = new ArrayList<>();
        Duration pause = firstPause;
        while (running.getAsBoolean() || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    T first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        between.get().block(timeout);
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, maxBatch - batch.size());
                write.apply(List.copyOf(batch)).block(timeout);
                settled.accept(batch.size());
                batch.clear();
                between.get().block(timeout);
                pause = firstPause;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running.getAsBoolean()) {
                    log.warn("Search index batch of {} requests not written at the stop; the next start indexes the "
                            + "requests of the last minutes again: {}", batch.size(), e.toString());
                    settled.accept(batch.size());
                    batch.clear();
                    continue;
                }
                if (batch.isEmpty()) {
                    log.warn("Search index: folding blocks or walking requests again failed, trying again in {} s: {}",
                            pause.toMillis() / 1000.0, e.toString());
                } else {
                    log.warn("Search index batch of {} requests not written, writing it again in {} s: {}",
                            batch.size(), pause.toMillis() / 1000.0, e.toString());
                }
                if (!sleep(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
