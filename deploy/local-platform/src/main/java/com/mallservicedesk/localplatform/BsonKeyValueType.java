package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of unique indexes ({@code _id} included), stored as BSON and ordered by value. H2's default type does not
 * know the library's {@code KeyValue}, which is not comparable, so it serialised both keys with Java serialisation
 * on every comparison of every lookup: profiling showed that and the keys' own serialisation taking about 40 % of
 * the store's CPU once documents were BSON. The order is MongoDB's order of values, which is also what makes two keys
 * the same (1 and 1.0 are one key, as in MongoDB).
 */
final class BsonKeyValueType extends BasicDataType<KeyValue> {

    static final BsonKeyValueType INSTANCE = new BsonKeyValueType();

    /** A key part for a field the document lacks; field names starting with {@code $} never occur in documents. */
    private static final Document MISSING = new Document("$missing", true);

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private BsonKeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        List<Object> parts = new ArrayList<>(key.size());
        key.forEach(part -> parts.add(part instanceof Missing ? MISSING : part));
        BsonInPages.write(buffer, new Document("k", parts));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        List<?> parts = (List<?>) BsonInPages.read(buffer).get("k");
        return new KeyValue(parts.stream().map(part -> MISSING.equals(part) ? Missing.getInstance() : part).toList());
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (Object part : key) {
            size += part instanceof CharSequence text ? 40 + 2 * text.length() : 32;
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
