package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.mvstore.MVStore;

/**
 * Main class of the MongoDB-wire server child process, with an H2 file so data survives restarts. The library's
 * own {@code H2MongoServer} main always binds localhost:27017; this one takes the address and file, so tests can use
 * free ports and temporary directories, and it commits every write before acknowledging it.
 */
public final class MongoServerMain {

    private static final int RETENTION_MILLIS = 10_000;
    private static final int REPORT_SECONDS = 60;
    private static final int REPORTED_COLLECTIONS = 8;
    /**
     * Threads that read and answer client commands. A write holds its thread until the commit it waits for is done,
     * so the number of writes one commit can take along is at most this. The library's default (two per core, four
     * here) let at most four writes share a commit; with more, a commit serves every writer that waited for it.
     */
    private static final int WORKER_THREADS = 32;

    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("Usage: MongoServerMain <host> <port> <data file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(dataFile.getParent());

        // The store's background auto-commit stays on: it no longer decides durability, but it also compacts the file.
        AtomicReference<FailStopStore> failStop = new AtomicReference<>();
        MVStore store = new MVStore.Builder().fileName(dataFile.toString())
                .backgroundExceptionHandler((thread, failure) -> {
                    if (failStop.get() != null) {
                        failStop.get().backgroundFailure(thread, failure);
                    }
                })
                .open();
        failStop.set(new FailStopStore(store, Runtime.getRuntime()::halt));
        // Each commit writes a new chunk, and a chunk's space is reused only once it is this old (H2's default: 45 s).
        // At full write load 45 s of chunks grew the file to 1.5 GB; 10 s keeps it under half that for about 10 % more
        // CPU. Much shorter costs more: the store then spends its time compacting young chunks.
        store.setRetentionTime(RETENTION_MILLIS);
        MongoServer server = new MongoServer(new CommitOnWriteBackend(new BsonH2Backend(store),
                new GroupCommit(failStop.get()::commit)::commitWritesSoFar));
        reportEveryMinute(CommitWrites.of(store), new StoreFileReport(store), FullScans.of(store));
        // SIGTERM from the launcher: close client connections and the H2 store so the file is consistent.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-server-shutdown"));
        server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        System.out.println("MongoDB-wire server listening on mongodb://" + host + ":" + port + " with data in "
                + dataFile);
        new CountDownLatch(1).await();
    }

    /**
     * Once a minute, in the store's log: which collections the commits' writing went to, and the file's size, live share
     * and reads (nothing when idle); and the queries that read a whole collection, if any.
     */
    private static void reportEveryMinute(CommitWrites writes, StoreFileReport file, FullScans scans) {
        var reporter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "store-report");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(() -> {
            String line = writes.report(REPORT_SECONDS, REPORTED_COLLECTIONS);
            if (line != null) {
                System.out.println(line);
                System.out.println(file.line());
            }
            String scanned = scans.report(REPORT_SECONDS, REPORTED_COLLECTIONS);
            if (scanned != null) {
                System.out.println(scanned);
            }
        }, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS);
    }
}
