package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** The server stops when H2 has closed its store, so that the launcher restarts it; not otherwise. */
class FailStopStoreTest {

    private final List<Integer> exits = new ArrayList<>();

    @Test
    void aCommitOnAnOpenStoreCommitsAndTheServerLivesOn() {
        MVStore store = new MVStore.Builder().open();
        store.openMap("requests").put("r1", "open");

        new FailStopStore(store, exits::add).commit();

        assertThat(store.hasUnsavedChanges()).isFalse();
        assertThat(exits).isEmpty();
    }

    @Test
    void aCommitThatFindsTheStoreClosedStopsTheServerWithItsStatus() {
        MVStore store = new MVStore.Builder().open();
        store.closeImmediately();

        assertThatThrownBy(() -> new FailStopStore(store, exits::add).commit()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was committed");
        assertThat(exits).containsExactly(FailStopStore.STORE_FAILED);
    }

    @Test
    void aBackgroundFailureStopsTheServerOnlyWhenItClosedTheStore() {
        MVStore store = new MVStore.Builder().open();
        var failStop = new FailStopStore(store, exits::add);

        failStop.backgroundFailure(Thread.currentThread(), new IllegalStateException("a write that failed once"));
        assertThat(exits).isEmpty();

        store.closeImmediately();
        failStop.backgroundFailure(Thread.currentThread(), new IllegalStateException("the panic"));
        assertThat(exits).containsExactly(FailStopStore.STORE_FAILED);
    }
}
