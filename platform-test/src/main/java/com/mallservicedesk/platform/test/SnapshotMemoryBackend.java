package com.mallservicedesk.platform.test;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * The library's in-memory store, answering reads with copies of the stored documents. The library updates a stored
 * document in place and hands the same object to the wire encoder after the collection's lock is released, so a
 * document read while another connection added or removed one of its fields failed to encode, and the server dropped
 * the connection. Real MongoDB, and the file store of the local platform, answer with the document as it was read.
 */
final class SnapshotMemoryBackend extends MemoryBackend {

    /** Commands that answer with stored documents, and the field naming their collection. */
    private static final Set<String> READS = Set.of("find", "findandmodify", "aggregate");

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                          Oplog oplog) {
                Object name = query.get(command);
                if (!READS.contains(command.toLowerCase()) || !(name instanceof String collectionName)) {
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
                MongoCollection<?> collection = resolveCollection(collectionName, false);
                if (collection == null) {
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
                // The collection's own lock: no update runs on it between the answer and its copy.
                synchronized (collection) {
                    return super.handleCommand(channel, command, query, resolver, oplog).cloneDeeply();
                }
            }
        };
    }
}
