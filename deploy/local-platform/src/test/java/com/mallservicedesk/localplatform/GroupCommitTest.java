package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void everyCallerReturnsOnlyAfterACommitThatCoversItsWrite() throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicLong durable = new AtomicLong();
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            commits.incrementAndGet();
            durable.set(written.get());
        });
        List<CompletableFuture<Boolean>> writers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                for (int write = 0; write < 500; write++) {
                    long mine = written.incrementAndGet();
                    group.commitWritesSoFar();
                    if (durable.get() < mine) {
                        return false;
                    }
                }
                return true;
            }, runnable -> new Thread(runnable).start()));
        }

        for (CompletableFuture<Boolean> writer : writers) {
            assertThat(writer.get(60, TimeUnit.SECONDS)).as("every write durable on return").isTrue();
        }
        assertThat(commits.get()).isBetween(1, 8 * 500);
    }

    @Test
    void writersArrivingDuringACommitShareTheNextOne() throws Exception {
        CountDownLatch firstCommitMayEnd = new CountDownLatch(1);
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (commits.incrementAndGet() == 1) {
                awaitUninterruptibly(firstCommitMayEnd);
            }
        });
        Thread leader = start(group::commitWritesSoFar);
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.get() == 1);
        List<Thread> followers = List.of(start(group::commitWritesSoFar), start(group::commitWritesSoFar),
                start(group::commitWritesSoFar));
        await().atMost(Duration.ofSeconds(10)).until(() -> followers.stream()
                .allMatch(thread -> thread.getState() == Thread.State.WAITING));

        firstCommitMayEnd.countDown();
        leader.join(10_000);
        for (Thread follower : followers) {
            follower.join(10_000);
        }

        assertThat(followers).noneMatch(Thread::isAlive);
        assertThat(commits).as("the leader's commit, then one for the three followers").hasValue(2);
    }

    @Test
    void aFailedCommitFailsItsCallerAndTheNextCallCommitsAgain() {
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (commits.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatIllegalStateException().isThrownBy(group::commitWritesSoFar).withMessage("disk full");
        group.commitWritesSoFar();
        assertThat(commits).hasValue(2);
    }

    private static Thread start(Runnable runnable) {
        Thread thread = new Thread(runnable);
        thread.start();
        return thread;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
