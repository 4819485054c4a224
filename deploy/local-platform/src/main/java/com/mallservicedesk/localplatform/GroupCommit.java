package com.mallservicedesk.localplatform;

/**
 * Group commit: concurrent writers share one commit instead of queueing for one each. A writer needs a commit that
 * started after its write; while one runs, everyone who arrives waits for it to end, and then one of them runs the
 * next commit for all of them. Under load the number of commits follows the load's concurrency, not its rate.
 */
final class GroupCommit {

    private final Runnable commit;
    /** Commits are numbered from 1 in start order and run one at a time; each covers every write before its start. */
    private long started;
    private long succeeded;
    private boolean running;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Returns once a commit that started after this call has succeeded; throws if the one this thread ran failed. */
    void commitWritesSoFar() {
        long number;
        synchronized (this) {
            long needed = started + 1;
            while (true) {
                if (succeeded >= needed) {
                    return;
                }
                if (!running) {
                    running = true;
                    number = ++started;
                    break;
                }
                awaitRunningCommit();
            }
        }
        // The commit runs outside the monitor, so that the writers arriving meanwhile can queue up for the next one.
        boolean done = false;
        try {
            commit.run();
            done = true;
        } finally {
            synchronized (this) {
                running = false;
                if (done) {
                    succeeded = number;
                }
                // After a failure one of the waiters tries a new commit; this thread reports the error to its client.
                notifyAll();
            }
        }
    }

    private void awaitRunningCommit() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the store to commit", e);
        }
    }
}
