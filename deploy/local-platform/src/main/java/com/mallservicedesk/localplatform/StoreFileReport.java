package com.mallservicedesk.localplatform;

import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.FileStore;

/**
 * The store file at a glance, for the store's log: its size, the share of it that is live, and what was read from it
 * since the last report. Under write load nearly all reads are the store's compaction: it reads chunks of old pages
 * to move their live ones into new chunks, and that grows with the data (see {@code docs/operations.md}).
 */
final class StoreFileReport {

    private final FileStore<?> file;
    private long readBefore;

    StoreFileReport(FileStore<?> file) {
        this.file = file;
    }

    /**
     * {@code Store file: 1,126.8 MB, 43 % of the chunks live (62 % of those old enough to compact), read 425.9 MB since
     * the last report; page cache 15 of 16 MB, 90 % hits since start}.
     */
    synchronized String line() {
        Map<String, String> info = new HashMap<>();
        file.populateInfo(info::put);
        long read = Long.parseLong(info.get("info.FILE_READ_BYTES"));
        long readSince = read - readBefore;
        readBefore = read;
        return ("Store file: %,.1f MB, %s %% of the chunks live (%s %% of those old enough to compact), read %,.1f MB "
                + "since the last report; page cache %s of %s MB, %s %% hits since start").formatted(
                Long.parseLong(info.get("info.FILE_SIZE")) / 1e6, info.get("info.CHUNKS_FILL_RATE"),
                info.get("info.CHUNKS_FILL_RATE_RW"), readSince / 1e6, info.get("info.CACHE_SIZE"),
                info.get("info.CACHE_MAX_SIZE"), info.get("info.CACHE_HIT_RATIO"));
    }
}
