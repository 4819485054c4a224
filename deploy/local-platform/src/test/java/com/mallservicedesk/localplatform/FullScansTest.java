package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/** The store's log names the queries that read a whole collection, by shape, and how much they read. */
class FullScansTest {

    @Test
    void aQueryNoIndexAnswersIsCountedWithWhatItRead() {
        MVStore store = new MVStore.Builder().open();
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> requests = client.getDatabase("intake").getCollection("requests");
            for (int i = 0; i < 30; i++) {
                requests.insertOne(new Document("_id", "r" + i).append("status", i % 3 == 0 ? "OPEN" : "CLOSED"));
            }
            FullScans scans = FullScans.of(store);
            scans.report(60, 5);

            requests.find(Filters.eq("_id", "r7")).first();
            requests.find(new Document("_id", "r8").append("status", "CLOSED")).first();
            assertThat(scans.report(60, 5)).as("by _id").isNull();

            // The same query with its fields inside an $and is read whole: the store looks for _id at the top only.
            requests.find(Filters.and(Filters.eq("_id", "r8"), Filters.eq("status", "CLOSED"))).first();
            assertThat(scans.report(60, 5)).isEqualTo(
                    "Full scans in 60 s: intake.requests {$and: [{_id: ?}, …]} 1 scans, 30 documents read");

            assertThat(requests.find(Filters.eq("status", "OPEN")).into(new ArrayList<>())).hasSize(10);
            requests.find(Filters.eq("status", "CLOSED")).into(new ArrayList<>());
            requests.deleteMany(Filters.lt("n", 3));

            String report = scans.report(60, 5);
            assertThat(report).startsWith("Full scans in 60 s: intake.requests {status: ?} 2 scans, 60 documents read")
                    .contains("intake.requests {n: {$lt: ?}} 1 scans, 30 documents read");
            assertThat(scans.report(60, 5)).as("reported once").isNull();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void housekeepingGoesByKeyAndReadsNoWholeCollection() {
        MVStore store = new MVStore.Builder().open();
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> processed = client.getDatabase("survey").getCollection("processed_events");
            for (int i = 0; i < 40; i++) {
                processed.insertOne(new Document("_id", (i < 20 ? "a/" : "b/") + "%04d".formatted(i)));
            }
            MongoCollection<Document> keys = client.getDatabase("survey").getCollection("idempotency_keys");
            keys.createIndex(new Document("createdKey", 1), new IndexOptions().unique(true).sparse(true).name("createdKey"));
            for (int i = 0; i < 40; i++) {
                String key = "M1|key-" + (40 - i);   // ids in no order of time, as the clients' keys are
                keys.insertOne(new Document("_id", key).append("createdKey", "%013d#%s".formatted(i, key)));
            }
            FullScans scans = FullScans.of(store);
            scans.report(60, 5);

            // The queries the kit's housekeeping sends: the first key after another, and a consumer's expired range.
            Document first = processed.find(new Document("_id", new Document("$gt", "a/\uffff")))
                    .sort(new Document("_id", 1)).limit(1).first();
            long deleted = processed.deleteMany(new Document("_id", new Document("$gte", "b/").append("$lt", "b/0030")))
                    .getDeletedCount();

            // Idempotency keys, whose ids are the clients' own: a range of the unique index on their creation key.
            long expiredKeys = keys.deleteMany(new Document("createdKey", new Document("$lt", "%013d".formatted(15))))
                    .getDeletedCount();

            assertThat(first.getString("_id")).isEqualTo("b/0020");
            assertThat(deleted).isEqualTo(10);
            assertThat(expiredKeys).isEqualTo(15);
            assertThat(scans.report(60, 5)).isNull();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aShapeKeepsTheFieldsAndOperatorsAndLeavesTheValuesOut() {
        assertThat(FullScans.shapeOf(Map.of("mallId", "M1"))).isEqualTo("{mallId: ?}");
        assertThat(FullScans.shapeOf(Map.of("$or", List.of(Map.of("lockedUntil", Map.of("$lt", 5))))))
                .isEqualTo("{$or: [{lockedUntil: {$lt: ?}}, …]}");
    }
}
