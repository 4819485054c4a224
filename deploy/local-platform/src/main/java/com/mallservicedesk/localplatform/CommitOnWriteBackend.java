package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes every write durable before its reply goes out: after a write command the store is committed to its file,
 * so a write the client saw acknowledged survives a kill of the server. Without it, H2's MVStore commits in the
 * background about once a second and a crash loses what came in since.
 * <p>
 * Reads never wait for a commit; concurrent writers share commits through {@link GroupCommit}. The commit writes to
 * the file but does not fsync it: that survives the process, not a power cut of the machine.
 */
final class CommitOnWriteBackend implements MongoBackend {

    /**
     * Commands that change nothing. Everything else commits, unknown commands included: a commit with nothing to
     * save costs only a look at the store.
     */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of("find", "getmore", "count", "distinct",
            "listcollections", "listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo", "whatsmyuri",
            "serverstatus", "dbstats", "collstats", "validate", "killcursors", "getlasterror", "reseterror",
            "connectionstatus", "hostinfo", "getcmdlineopts", "getlog", "replsetgetstatus",
            "getfreemonitoringstatus", "endsessions", "getparameter", "explain");

    private final MongoBackend backend;
    private final Runnable commit;

    /** {@code commit} returns once the writes so far are in the store's file. */
    CommitOnWriteBackend(MongoBackend backend, Runnable commit) {
        this.backend = backend;
        this.commit = commit;
    }

    /** Whether the command may change data; {@code aggregate} does only with an {@code $out} or {@code $merge}. */
    static boolean isWrite(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return body.get("pipeline") instanceof List<?> stages && stages.stream().anyMatch(stage ->
                    stage instanceof Document document
                            && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return !READ_ONLY_COMMANDS.contains(name);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body.keySet().iterator().next();
        // Committed in finally: a write that failed half-way (a duplicate key in a batch) still reports what it did.
        try {
            return backend.handleMessage(message);
        } finally {
            commitIfWrite(command, body);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return backend.handleCommand(channel, database, command, query);
        } finally {
            commitIfWrite(command, query);
        }
    }

    @Override
    public void dropDatabase(String database) {
        try {
            backend.dropDatabase(database);
        } finally {
            commit.run();
        }
    }

    private void commitIfWrite(String command, Document body) {
        if (isWrite(command, body)) {
            commit.run();
        }
    }

    // Everything else only reads, or is the backend's own life cycle: passed through unchanged.

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return backend.handleQuery(query);
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
