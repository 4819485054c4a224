package com.mallservicedesk.localplatform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVStore;

/**
 * What the store's commits wrote, per collection: how many documents went into the pages they wrote, and their
 * bytes. A commit writes every page an update changed, with every document in it, so a small update of a document
 * among large neighbours, or of one that grew large, costs far more than its own size. Per collection, this shows
 * which data the store's time goes to (the free-text postings were 38 % of all bytes written, which no command
 * count showed). One set per store; the store's log reports it every minute ({@link #report}).
 */
final class CommitWrites {

    /** The documents and bytes one collection's pages took in commits. */
    static final class Counter {
        private final LongAdder documents = new LongAdder();
        private final LongAdder bytes = new LongAdder();

        void wrote(int documentBytes) {
            documents.increment();
            bytes.add(documentBytes);
        }
    }

    record Written(String collection, long documents, long bytes) {
    }

    private static final Map<MVStore, CommitWrites> BY_STORE = new WeakHashMap<>();

    private final ConcurrentHashMap<String, Counter> byCollection = new ConcurrentHashMap<>();

    /**
     * The set of a store. Looked up by store because the library opens its collections while the backend is still
     * being built, before it could hold one of its own.
     */
    static synchronized CommitWrites of(MVStore store) {
        return BY_STORE.computeIfAbsent(store, s -> new CommitWrites());
    }

    Counter of(String collection) {
        return byCollection.computeIfAbsent(collection, c -> new Counter());
    }

    /** What was written since the last call, the most bytes first; collections that wrote nothing are left out. */
    List<Written> takeWritten() {
        return byCollection.entrySet().stream()
                .map(e -> new Written(e.getKey(), e.getValue().documents.sumThenReset(), e.getValue().bytes.sumThenReset()))
                .filter(written -> written.documents() > 0)
                .sorted(Comparator.comparingLong(Written::bytes).reversed())
                .toList();
    }

    /**
     * One log line of the collections that wrote the most since the last report, or null if nothing was written:
     * {@code Commits wrote 3.2 MB in 60 s: intake.request_search_tokens 1.4 MB (5,120 documents), …}.
     */
    String report(int seconds, int collections) {
        List<Written> written = takeWritten();
        if (written.isEmpty()) {
            return null;
        }
        long total = written.stream().mapToLong(Written::bytes).sum();
        StringBuilder line = new StringBuilder("Commits wrote %s in %d s:".formatted(size(total), seconds));
        written.stream().limit(collections).forEach(w -> line.append(" %s %s (%,d documents),"
                .formatted(w.collection(), size(w.bytes()), w.documents())));
        line.setLength(line.length() - 1);
        if (written.size() > collections) {
            line.append(", and %d more collections".formatted(written.size() - collections));
        }
        return line.toString();
    }

    private static String size(long bytes) {
        return bytes >= 1_000_000 ? "%.1f MB".formatted(bytes / 1_000_000.0) : "%.1f KB".formatted(bytes / 1_000.0);
    }
}
