package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Iterator;
import java.util.List;
import java.util.Map.Entry;
import java.util.NoSuchElementException;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in key order ({@link BsonKeyValueType}), which also answers range queries on a single key
 * ({@code {_id: {$gt: a, $lte: b}}}) by walking that range, as MongoDB walks an index. The library's index answers
 * only equality and {@code $in}, so a range read the whole collection; the timers' due index is read that way every
 * second. The walk is lazy, so a {@code limit} stops it early. Each document found is still matched against the whole
 * query by the library, so the walk only has to cover every match, not to be exact; a {@linkplain #count count} of a
 * range is exact on its own.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private final MVMap<KeyValue, Object> entries;

    OrderedUniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return range(query) != null || super.canHandle(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Range range = range(query);
        return range == null ? super.getPositions(query) : () -> new RangeWalk(range);
    }

    /**
     * How many keys lie in the query's range, counted in the index without reading a document (as MongoDB counts an
     * index range), or null when the query is not a range of strings, bounded at both ends, on this index's key: only
     * then is every key between the bounds a match (a string bound matches strings only, and strings sort together).
     */
    synchronized Long count(Document query) {
        Range range = range(query);
        Document bounds = range == null ? null : (Document) query.get(keys().get(0));
        if (bounds == null || !(range.lower() instanceof String) || !(range.upper() instanceof String)) {
            return null;
        }
        long counted = 0;
        Cursor<KeyValue, Object> cursor = entries.cursor(range.start());
        while (cursor.hasNext()) {
            KeyValue key = cursor.next();
            if (range.beyond(key)) {
                break;
            }
            Object value = key.get(0);
            boolean afterLower = !bounds.containsKey("$gt") || ORDER.compare(value, range.lower()) > 0;
            boolean beforeUpper = !bounds.containsKey("$lt") || ORDER.compare(value, range.upper()) < 0;
            if (afterLower && beforeUpper) {
                counted++;
            }
        }
        return counted;
    }

    /** Whether a field's condition is nothing but bounds: {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}. */
    static boolean isRange(Object condition) {
        return condition instanceof Document bounds && !bounds.isEmpty()
                && RANGE_OPERATORS.containsAll(bounds.keySet());
    }

    /** The query's range if it is nothing but bounds on this index's single key, else null. */
    private Range range(Document query) {
        if (isCompoundIndex() || !query.keySet().equals(keySet()) || !isRange(query.get(keys().get(0)))) {
            return null;
        }
        Document bounds = (Document) query.get(keys().get(0));
        Object lower = bounds.containsKey("$gte") ? bounds.get("$gte") : bounds.get("$gt");
        Object upper = bounds.containsKey("$lte") ? bounds.get("$lte") : bounds.get("$lt");
        return new Range(lower, upper);
    }

    /** Inclusive at both ends: the library's matcher drops what an exclusive bound excludes. */
    private record Range(Object lower, Object upper) {
        /** Where the walk starts: the lower bound, or the least string when the upper bound is a string. */
        KeyValue start() {
            if (lower != null) {
                return new KeyValue(lower);
            }
            return upper instanceof String ? new KeyValue("") : null;
        }

        boolean beyond(KeyValue key) {
            return upper != null && ORDER.compare(key.get(0), upper) > 0;
        }
    }

    private final class RangeWalk implements Iterator<Object> {
        private final Range range;
        private final Cursor<KeyValue, Object> cursor;
        private Object next;

        RangeWalk(Range range) {
            this.range = range;
            this.cursor = entries.cursor(range.start());
            advance();
        }

        private void advance() {
            next = null;
            if (cursor.hasNext()) {
                KeyValue key = cursor.next();
                if (!range.beyond(key)) {
                    next = cursor.getValue();
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Object next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Object position = next;
            advance();
            return position;
        }
    }

    // As the library's H2 index does.

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return entries.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return entries.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return entries.get(keyValue);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
