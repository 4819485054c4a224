package com.mallservicedesk.localplatform;

import java.util.function.IntConsumer;
import org.h2.mvstore.MVStore;

/**
 * Stops the server process once H2 has closed its store after a failure. H2 closes a store for good when a commit or
 * its background writer fails (a "panic"); the process would live on and refuse every command ("This store is closed")
 * while the launcher, which restarts only processes that end, saw nothing wrong. Exiting instead lets the launcher
 * restart the server, which reopens the file at its last commit: every acknowledged write is in it, since a write is
 * acknowledged only after its commit.
 */
final class FailStopStore {

    /** The exit status of a server whose store failed. */
    static final int STORE_FAILED = 70;

    private final MVStore store;
    private final IntConsumer exit;

    /** @param exit ends the process with a status; {@code Runtime.getRuntime()::halt} outside tests */
    FailStopStore(MVStore store, IntConsumer exit) {
        this.store = store;
        this.exit = exit;
    }

    /** Commits the writes so far; if the store closed on the way, stops the process. */
    void commit() {
        try {
            store.commit();
        } catch (RuntimeException e) {
            stopIfClosed(e);
            throw e;
        }
        if (store.isClosed()) {
            // H2 returns from a commit of a closed store without writing anything: no write may be acknowledged.
            var closed = new IllegalStateException("The store is closed: nothing was committed");
            stopIfClosed(closed);
            throw closed;
        }
    }

    /** For H2's background writer, whose failures reach no client. */
    void backgroundFailure(Thread thread, Throwable failure) {
        System.err.println("The store's background writer failed on " + thread.getName() + ": " + failure);
        stopIfClosed(failure);
    }

    private void stopIfClosed(Throwable failure) {
        if (store.isClosed()) {
            System.err.println("The store closed after a failure; stopping so that it is restarted from its file.");
            failure.printStackTrace();
            exit.accept(STORE_FAILED);
        }
    }
}
