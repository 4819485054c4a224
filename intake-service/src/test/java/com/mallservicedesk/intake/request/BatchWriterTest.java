package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The free-text indexer's loop keeps a batch the store did not take and writes it again, before anything newer. */
class BatchWriterTest {

    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final BatchWriter<String> writer = new BatchWriter<>(queue, 3, Duration.ofSeconds(5), Duration.ofMillis(5),
            Duration.ofMillis(20));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<List<String>> written = new CopyOnWriteArrayList<>();
    private final AtomicInteger settled = new AtomicInteger();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private Thread loop;

    private Mono<Void> store(List<String> batch) {
        if (refusalsLeft.getAndDecrement() > 0) {
            return Mono.error(new IllegalStateException("store away"));
        }
        written.add(batch);
        return Mono.empty();
    }

    private void start() {
        loop = new Thread(() -> writer.run(running::get, this::store, this::between, settled::addAndGet));
        loop.start();
    }

    /** The work between batches (folds, walks): noted in the order of the writes. */
    private Mono<Void> between() {
        written.add(List.of("between"));
        return Mono.empty();
    }

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        refusalsLeft.set(0);
        loop.join(Duration.ofSeconds(5).toMillis());
        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void aBatchTheStoreRefusedIsWrittenAgainBeforeAnythingNewer() {
        refusalsLeft.set(2);
        queue.addAll(List.of("a", "b"));
        start();

        await().atMost(Duration.ofSeconds(5)).until(() -> settled.get() == 2);
        queue.addAll(List.of("c", "d", "e", "f"));
        await().atMost(Duration.ofSeconds(5)).until(() -> settled.get() == 6);

        assertThat(written.get(0)).containsExactly("a", "b");
        assertThat(batches().stream().flatMap(List::stream)).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void theWorkBetweenBatchesRunsAfterEachBatchSoAQueueThatNeverEmptiesDoesNotStarveIt() {
        queue.addAll(List.of("a", "b", "c", "d", "e", "f", "g"));
        start();

        await().atMost(Duration.ofSeconds(5)).until(() -> settled.get() == 7);

        assertThat(written.subList(0, 6)).containsExactly(List.of("a", "b", "c"), List.of("between"),
                List.of("d", "e", "f"), List.of("between"), List.of("g"), List.of("between"));
    }

    private List<List<String>> batches() {
        return written.stream().filter(batch -> !batch.equals(List.of("between"))).toList();
    }

    @Test
    void aRefusedBatchIsGivenUpOnlyWhenTheServiceStops() throws InterruptedException {
        refusalsLeft.set(Integer.MAX_VALUE);
        queue.addAll(List.of("a", "b"));
        start();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> settled.get() == 0);
        running.set(false);
        loop.join(Duration.ofSeconds(5).toMillis());

        assertThat(batches()).isEmpty();
        assertThat(settled).hasValue(2);
    }
}
