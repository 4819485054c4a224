package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores documents in the H2 file as BSON, the form they arrive in over the wire. H2's default type falls back to Java
 * serialisation for them, which profiling showed to be the store's largest cost: a third of its CPU went to
 * {@code ObjectOutputStream}, partly just to estimate each document's size, and reads paid the same again.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    private final CommitWrites.Counter written;

    /** {@code written} counts what this collection's pages take in commits. */
    BsonDocumentType(CommitWrites.Counter written) {
        this.written = written;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        int start = buffer.position();
        BsonInPages.write(buffer, document);
        written.wrote(buffer.position() - start);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonInPages.read(buffer);
    }

    /** A cheap estimate for the page cache, from the document's shape rather than its encoding. */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 32;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
