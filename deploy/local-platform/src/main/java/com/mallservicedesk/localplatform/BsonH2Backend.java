package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The library's H2 backend with documents stored as BSON ({@link BsonDocumentType}), unique-index keys as BSON
 * ordered by value ({@link BsonKeyValueType}) in indexes that also answer ranges ({@link OrderedUniqueIndex}), and
 * queries that name an {@code _id} answered by it ({@link IdFirstH2Collection}). The maps keep the library's names
 * ({@code databases.<db>.<collection>} for the documents, {@code meta.<db>.<collection>} for its bookkeeping,
 * {@code <db>.<collection>._index_<name>} for each index); only the encodings differ, so a file written by the
 * plain backend cannot be read by this one (the local platform keeps it under another name).
 */
final class BsonH2Backend extends H2Backend {

    BsonH2Backend(MVStore store) {
        super(store);
    }

    /** Also called by the library's constructor for the databases already in the file. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class BsonH2Database extends H2Database {

        private static final Field STORE = storeField();

        BsonH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        /**
         * The library's constructor already opens the system collections through this method, before a field of this
         * class could be set; so the store is read from the library's own field.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = store();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(
                            new BsonDocumentType(CommitWrites.of(store).of(namespace))));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new IdFirstH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        /**
         * As the library does, with BSON keys ordered by value instead of Java-serialised ones, in an index that also
         * answers ranges ({@link OrderedUniqueIndex}).
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> entries = store().openMap(getFullCollectionNamespace(collectionName) + "._index_"
                    + indexName, new MVMap.Builder<KeyValue, Object>().keyType(BsonKeyValueType.INSTANCE));
            return new OrderedUniqueIndex(entries, indexName, keys, sparse);
        }

        private MVStore store() {
            try {
                return (MVStore) STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot reach the H2 store of " + this, e);
            }
        }

        private static Field storeField() {
            try {
                Field field = H2Database.class.getDeclaredField("mvStore");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("this version of the H2 backend keeps its store elsewhere", e);
            }
        }
    }
}
