package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranges of a unique key (_id or another) are read from the index, in its order, still match as MongoDB matches them, and
 * are counted in the index.
 */
class OrderedUniqueIndexTest {

    @TempDir
    Path home;

    @Test
    void aRangeOnTheKeyIsWalkedInTheIndexAndNothingOutsideItIsRead() {
        MVStore store = new MVStore.Builder().open();
        MVMap<KeyValue, Object> entries = store.openMap("ids",
                new MVMap.Builder<KeyValue, Object>().keyType(BsonKeyValueType.INSTANCE));
        var index = new OrderedUniqueIndex(entries, "_id_", List.of(new IndexKey("_id", true)), false);
        IntStream.range(0, 1000).forEach(i -> entries.put(new KeyValue(key(i)), "position-" + i));
        entries.put(new KeyValue(42L), "a number");

        var range = id(bounds("$gt", key(100)).append("$lte", key(104)));
        assertThat(index.canHandle(range)).isTrue();
        // Inclusive at both ends: the collection's matcher drops the excluded bound.
        assertThat(positions(index, range)).containsExactly("position-100", "position-101", "position-102",
                "position-103", "position-104");
        // Only an upper bound: from the first string, so the number is not walked.
        assertThat(positions(index, id(bounds("$lt", key(2)))))
                .containsExactly("position-0", "position-1", "position-2");
        // Counted from the keys alone (these positions lead to no document), exact at both ends.
        assertThat(index.count(range)).isEqualTo(4);
        assertThat(index.count(id(bounds("$gte", key(100)).append("$lt", key(104))))).isEqualTo(4);
        assertThat(index.count(id(bounds("$gte", key(0)).append("$lte", key(999))))).isEqualTo(1000);
        // Not counted here: open at one end, or bounds that are not strings.
        assertThat(index.count(id(bounds("$lt", key(2))))).isNull();
        assertThat(index.count(id(bounds("$gte", 0L).append("$lte", 100L)))).isNull();
        // Anything else is the library's own index.
        assertThat(index.canHandle(id(bounds("$ne", key(1))))).isFalse();
        assertThat(positions(index, id(key(7)))).containsExactly("position-7");
        store.close();
    }

    @Test
    void rangeQueriesOverTheWireMatchAsMongoDbDoes() {
        overTheWire("range.mv", (store, client) -> {
            MongoCollection<Document> due = client.getDatabase("dispatch").getCollection("timer_due");
            IntStream.range(0, 300).forEach(i -> due.insertOne(new Document("_id", key(i)).append("n", i)));
            due.insertOne(new Document("_id", 5).append("n", -1));

            assertThat(ids(due.find(Filters.and(Filters.gt("_id", key(10)), Filters.lt("_id", key(14))))))
                    .containsExactly(key(11), key(12), key(13));
            // Sorted by _id with a limit: the first ones of the range, in order.
            assertThat(ids(due.find(Filters.lte("_id", key(250))).sort(Sorts.ascending("_id")).limit(3)))
                    .containsExactly(key(0), key(1), key(2));
            assertThat(ids(due.find(Filters.gte("_id", key(298))).sort(Sorts.ascending("_id"))))
                    .containsExactly(key(298), key(299));
            // Type bracketing, as in MongoDB: a string bound never matches the number id.
            assertThat(due.countDocuments(Filters.lte("_id", key(299)))).isEqualTo(300);
            assertThat(due.deleteMany(Filters.and(Filters.gte("_id", key(0)), Filters.lt("_id", key(100))))
                    .getDeletedCount()).isEqualTo(100);
            assertThat(ids(due.find(Filters.lte("_id", key(299))).sort(Sorts.ascending("_id")).limit(1)))
                    .containsExactly(key(100));
        });
    }

    @Test
    void aRangeOfAnotherUniqueKeyIsPagedInItsOrderAndCountedInItsIndex() {
        overTheWire("log.mv", (store, client) -> {
            MongoDatabase database = client.getDatabase("intake");
            MongoCollection<Document> log = database.getCollection("requests");
            log.createIndex(Indexes.ascending("logKey"), new IndexOptions().unique(true).sparse(true));
            // Inserted out of key order, and one without the key.
            IntStream.range(0, 300).map(i -> (i * 7) % 300)
                    .forEach(i -> log.insertOne(new Document("_id", "r" + i).append("logKey", "M001|" + key(i))));
            log.insertOne(new Document("_id", "unkeyed"));
            var range = Filters.and(Filters.gte("logKey", "M001|" + key(20)), Filters.lt("logKey", "M001|" + key(120)));

            assertThat(ids(log.find(range).sort(Sorts.ascending("logKey")).skip(10).limit(3)))
                    .containsExactly("r30", "r31", "r32");
            assertThat(ids(log.find(Filters.gt("logKey", "M001|" + key(297))).sort(Sorts.ascending("logKey"))))
                    .containsExactly("r298", "r299");
            // The count command counts the range in the index; the same as countDocuments reading every document.
            Document counted = database.runCommand(new Document("count", "requests").append("query",
                    new Document("logKey", new Document("$gt", "M001|" + key(20)).append("$lte", "M001|" + key(120)))));
            assertThat(counted.getInteger("n")).isEqualTo(100);
            assertThat(log.countDocuments(range)).isEqualTo(100);
        });
    }

    @Test
    void aScanInPagesOfIdsReadsEachPageFromTheIdIndexNotTheCollection() {
        overTheWire("pages.mv", (store, client) -> {
            MongoCollection<Document> requests = client.getDatabase("intake").getCollection("requests");
            // Every third already keyed: a keying scan's page is the next unkeyed ones after the last id it saw.
            IntStream.range(0, 1000).forEach(i -> requests.insertOne(i % 3 == 0
                    ? new Document("_id", "r%03d".formatted(i)).append("mallId", "M1").append("logKey", "k" + i)
                    : new Document("_id", "r%03d".formatted(i)).append("mallId", "M1")));
            FullScans.of(store).report(60, 10); // what the inserts' index checks read is not this test's

            // As Spring Data sends a criteria of several fields: one document, no $and.
            var page = new Document("mallId", new Document("$exists", true))
                    .append("logKey", new Document("$exists", false)).append("_id", new Document("$gt", "r100"));
            assertThat(ids(requests.find(page).sort(Sorts.ascending("_id")).limit(4)))
                    .containsExactly("r101", "r103", "r104", "r106");
            var last = new Document("logKey", new Document("$exists", false)).append("_id", new Document("$gt", "r997"));
            assertThat(ids(requests.find(last).sort(Sorts.ascending("_id")).limit(4))).containsExactly("r998");
            assertThat(FullScans.of(store).report(60, 10)).isNull();
        });
    }

    /** What a test does with the store's server and a client of it. */
    private interface WireTest {
        void run(MVStore store, MongoClient client);
    }

    /** Runs {@code test} against the store's own server on a file of its own, as the services reach it. */
    private void overTheWire(String file, WireTest test) {
        MVStore store = new MVStore.Builder().fileName(home.resolve(file).toString()).open();
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            test.run(store, client);
        } finally {
            server.shutdownNow();
        }
    }

    private static String key(int i) {
        return String.format("%013d|timer-%d", 1_795_000_000_000L + i, i);
    }

    /** The library's own document type, as the server hands queries to an index. */
    private static de.bwaldvogel.mongo.bson.Document id(Object condition) {
        return new de.bwaldvogel.mongo.bson.Document("_id", condition);
    }

    private static de.bwaldvogel.mongo.bson.Document bounds(String operator, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(operator, value);
    }

    private static List<Object> positions(OrderedUniqueIndex index, de.bwaldvogel.mongo.bson.Document query) {
        return StreamSupport.stream(index.getPositions(query).spliterator(), false).toList();
    }

    private static List<Object> ids(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }
}
