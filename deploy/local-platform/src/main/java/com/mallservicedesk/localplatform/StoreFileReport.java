package com.mallservicedesk.localplatform;

import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVStore;

/**
 * The store file at a glance, for the store's log: its size, the share of it that is live, and the commits made and
 * what was read from it since the last report. Under write load nearly all reads are the store's compaction: it reads
 * chunks of old pages to move their live ones into new chunks, and that grows with the data (see
 * {@code docs/operations.md}).
 */
final class StoreFileReport {

    private final MVStore store;
    private long readBefore;
    private long versionBefore;

    StoreFileReport(MVStore store) {
        this.store = store;
        this.versionBefore = store.getCurrentVersion();
    }

    /**
     * {@code Store file: 1,126.8 MB, 43 % of the chunks live (62 % of those old enough to compact), 2,730 commits and
     * 425.9 MB read since the last report; page cache 15 of 16 MB, 90 % hits since start}.
     */
    synchronized String line() {
        Map<String, String> info = new HashMap<>();
        store.getFileStore().populateInfo(info::put);
        long read = Long.parseLong(info.get("info.FILE_READ_BYTES"));
        long readSince = read - readBefore;
        readBefore = read;
        long version = store.getCurrentVersion();   // each commit makes a version
        long commits = version - versionBefore;
        versionBefore = version;
        return ("Store file: %,.1f MB, %s %% of the chunks live (%s %% of those old enough to compact), %,d commits and "
                + "%,.1f MB read since the last report; page cache %s of %s MB, %s %% hits since start").formatted(
                Long.parseLong(info.get("info.FILE_SIZE")) / 1e6, info.get("info.CHUNKS_FILL_RATE"),
                info.get("info.CHUNKS_FILL_RATE_RW"), commits, readSince / 1e6, info.get("info.CACHE_SIZE"),
                info.get("info.CACHE_MAX_SIZE"), info.get("info.CACHE_HIT_RATIO"));
    }
}
