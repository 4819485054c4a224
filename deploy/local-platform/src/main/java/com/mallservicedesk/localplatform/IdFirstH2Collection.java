package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * A collection that answers any query naming an {@code _id} through the {@code _id} index. The library uses an index
 * only when the query holds nothing but that index's keys, so {@code {_id, mallId}} (every read of an aggregate),
 * {@code {_id, version}} (every versioned save) or {@code {_id, lockedUntil: ...}} (every claim of a lease) read the
 * whole collection: measured on 20,000 documents, 10–16 ms instead of well under one, growing with the data. Here the
 * {@code _id} picks the candidate and the whole query is then matched on it alone, with the library's own matcher.
 * A range of a unique key ({@code _id} or another) sorted by that key is read in the index's order
 * ({@link OrderedUniqueIndex}), so a {@code limit} ends the walk, and counted in the index ({@link #count}). Two pieces
 * of the library's bookkeeping that cost much of the server's CPU are left out: the data size per collection and a
 * second comparison on each update. And an update changes a copy, never a document already stored (see
 * {@link #forUpdate}).
 */
final class IdFirstH2Collection extends H2Collection {

    private final FullScans fullScans;
    /** Whether the update running under this collection's lock changed its document (see {@link #handleUpdate}). */
    private boolean changed;
    /** Whether the query running under this collection's lock feeds an update (see {@link #forUpdate}). */
    private boolean updating;

    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                        MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
        this.fullScans = FullScans.of(documents.getStore());
    }

    /** The library's way for a query no index answers: every document is read. Counted for the store's log. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        fullScans.scanned(getFullName(), query, count());
        return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        QueryResult found = findDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        return updating ? forUpdate(found) : found;
    }

    private QueryResult findDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                      Document fieldSelector) {
        if (walkedInOrder(query, orderBy)) {
            // The index walks the range in this order already; sorting would read all of it before the limit.
            return super.queryDocuments(query, null, skip, limit, batchSize, fieldSelector);
        }
        if (query.size() > 1 && query.containsKey("_id")) {
            Document idOnly = new Document("_id", query.get("_id"));
            // A range of ids is walked in id order: sorting by id would gather all of it before the limit.
            Document order = OrderedUniqueIndex.isRange(idOnly.get("_id")) && isAscendingBy(orderBy, "_id")
                    ? null : orderBy;
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(idOnly)) {
                    return matchDocuments(query, index.getPositions(idOnly), order, skip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * A single-document update, carried out as the library's {@code findAndModify} does it. The library's own update
     * compares the document before and after once more, normalising every value of both (a stream for each array),
     * only to count the document as modified: a tenth of the server's CPU under load, in a profile. The library calls
     * {@link #handleUpdate} exactly when an update changed the document, which gives that count for free. Answers,
     * errors and the oplog are as the library's; updates that may change several documents, or with array filters, are
     * left to it.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        if ((isMulti && !byOneId(selector)) || !arrayFilters.isEmpty()) {
            updating = true;
            try {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                updating = false;
            }
        }
        changed = false;
        Document outcome;
        try {
            outcome = findAndModify(new Document("query", selector).append("update", updateQuery)
                    .append("upsert", isUpsert).append("new", true));
        } catch (FindAndModifyPlanExecutorError e) {
            // findAndModify prefixes the update's own error; an update reports it as it is.
            throw (MongoServerError) e.getCause();
        }
        boolean matched = outcome.containsKey("lastErrorObject");
        Document result = new Document();
        if (!matched && isUpsert) {
            Document inserted = (Document) outcome.get("value");
            result.put("upserted", inserted.get(getIdField()));
            oplog.handleInsert(getFullName(), List.of(inserted));
        } else {
            List<Object> updatedIds = changed ? List.of(((Document) outcome.get("value")).get(getIdField())) : List.of();
            oplog.handleUpdate(getFullName(), selector, updateQuery, updatedIds);
        }
        result.put("n", matched ? 1 : 0);
        result.put("nModified", changed ? 1 : 0);
        return result;
    }

    /**
     * A selector naming one {@code _id} matches one document at most, even in an update of many: Spring Data's bulk
     * upsert, for one, is sent as such.
     */
    private static boolean byOneId(Document selector) {
        Object id = selector.get("_id");
        return id != null && !(id instanceof Document condition
                && condition.keySet().stream().anyMatch(key -> key.startsWith("$")));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    /**
     * The library updates a document in place, on the very object its map holds, and then puts it back. A commit
     * writes the pages it changed on another thread, reading those objects as they are: an update of a document
     * whose page was being written made the commit fail ({@code ConcurrentModificationException}) and closed the
     * store for good, and an answer being sent could read a document half updated. An update therefore works on a
     * copy of each document it matched, and puts the copy in the map: a stored document never changes.
     */
    private static QueryResult forUpdate(QueryResult found) {
        List<Document> copies = new ArrayList<>();
        found.forEach(document -> copies.add(document.cloneDeeply()));
        return new QueryResult(copies, found.getCursorId());
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        changed = true;
        super.handleUpdate(position, oldDocument, newDocument);
    }

    /**
     * The library keeps a collection's data size for {@code collStats} by encoding the document twice on every update
     * (before and after) and once on every insert and delete, and writes the total to the collection's metadata
     * each time. Profiled under load that was a sixth of the server's CPU, for a figure nothing of the platform
     * reads; {@code collStats} reports the size as it was before this change.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** A range of one field, sorted ascending by that field, which a unique index of the field walks in order. */
    private boolean walkedInOrder(Document query, Document orderBy) {
        if (query.size() != 1) {
            return false;
        }
        String field = query.keySet().iterator().next();
        return OrderedUniqueIndex.isRange(query.get(field)) && isAscendingBy(orderBy, field)
                && getIndexes().stream().anyMatch(index -> index instanceof OrderedUniqueIndex && index.canHandle(query));
    }

    private static boolean isAscendingBy(Document orderBy, String field) {
        return orderBy != null && orderBy.size() == 1 && orderBy.get(field) instanceof Number order
                && order.intValue() == 1;
    }

    /**
     * A count of a range on a unique key counts the index's keys ({@link OrderedUniqueIndex#count}); the library would
     * read each document of the range to count it. The {@code count} command comes here; {@code countDocuments} is an
     * aggregation, which reads the whole collection whatever its match.
     */
    @Override
    public synchronized int count(Document query, int skip, int limit) {
        if (query != null && query.size() == 1 && skip == 0 && limit <= 0) {
            for (Index<Object> index : getIndexes()) {
                if (index instanceof OrderedUniqueIndex ordered) {
                    Long counted = ordered.count(query);
                    if (counted != null) {
                        return Math.toIntExact(counted);
                    }
                }
            }
        }
        return super.count(query, skip, limit);
    }
}
