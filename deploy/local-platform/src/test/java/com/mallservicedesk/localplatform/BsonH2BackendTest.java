package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents stored as BSON come back from the file exactly as they were written, whatever their value types. */
class BsonH2BackendTest {

    @TempDir
    Path home;

    @Test
    void everyValueTypeSurvivesAReopenOfTheFile() {
        Path file = home.resolve("store.mv");
        Document stored = new Document("_id", "req-1")
                .append("text", "洗手間水龍頭漏水")
                .append("int", 7).append("long", 1L << 40).append("double", 0.95).append("decimal", Decimal128.parse("2000.00"))
                .append("bool", true).append("none", null)
                .append("date", new Date(1_795_000_000_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("uuid", UUID.fromString("7e3f1a62-9c1d-4c1e-8a55-0e9d1f2b3c4d"))
                .append("nested", new Document("customer", new Document("name", "王小明").append("phone", "13800001234")))
                .append("list", List.of(new Document("at", new Date(0)).append("what", "registered"), "plain", 3));

        withServer(file, collection -> {
            collection.createIndex(new Document("number", 1), new IndexOptions().unique(true));
            collection.insertOne(stored);
            collection.insertOne(new Document("_id", "req-2").append("number", "R-2").append("count", 1));
            collection.updateOne(new Document("_id", "req-2"), new Document("$inc", new Document("count", 2))
                    .append("$push", new Document("tags", "urgent")));
            collection.insertOne(new Document("_id", "req-3").append("number", "R-3"));
            collection.deleteOne(new Document("_id", "req-3"));
        });

        withServer(file, collection -> {
            assertThat(collection.find(new Document("_id", "req-1")).first()).isEqualTo(stored);
            assertThat(collection.find(new Document("_id", "req-2")).first())
                    .isEqualTo(new Document("_id", "req-2").append("number", "R-2").append("count", 3)
                            .append("tags", List.of("urgent")));
            assertThat(collection.countDocuments()).isEqualTo(2);
            assertThat(collection.find(new Document("number", "R-2")).into(new ArrayList<>())).hasSize(1);
            // The unique index came back with the data.
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "req-4").append("number", "R-2")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    @org.junit.jupiter.api.DisplayName("unique keys keep MongoDB's meaning: numbers by value, missing fields, compound keys, any id type")
    void uniqueKeysBehaveAsInMongoDb() {
        Path file = home.resolve("keys.mv");
        ObjectId id = new ObjectId("65a1b2c3d4e5f60718293a4b");
        withServer(file, collection -> {
            collection.createIndex(new Document("mall", 1).append("seq", 1), new IndexOptions().unique(true));
            collection.insertOne(new Document("_id", id).append("mall", "M001").append("seq", 1));
            collection.insertOne(new Document("_id", 7L).append("mall", "M001"));
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "x").append("mall", "M001").append("seq", 1.0)))
                    .as("1.0 is the key 1").isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "y").append("mall", "M001")))
                    .as("a second document without seq").isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", 7).append("mall", "M002")))
                    .as("the id 7 as int is the id 7 as long").isInstanceOf(MongoWriteException.class);
        });
        withServer(file, collection -> {
            assertThat(collection.find(new Document("_id", id)).first()).containsEntry("seq", 1);
            assertThat(collection.find(new Document("_id", 7L)).first()).containsEntry("mall", "M001");
            collection.insertOne(new Document("_id", "z").append("mall", "M001").append("seq", 2));
            assertThat(collection.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a query naming an _id and more is answered by that document alone, with every condition applied")
    void queriesByIdAndMoreMatchAsMongoDbDoes() {
        withServer(home.resolve("by-id.mv"), collection -> {
            for (int i = 0; i < 50; i++) {
                collection.insertOne(new Document("_id", "wo-" + i).append("mallId", i % 2 == 0 ? "M001" : "M002")
                        .append("version", 1L).append("status", "OPEN"));
            }
            assertThat(collection.find(new Document("_id", "wo-4").append("mallId", "M001")).first())
                    .containsEntry("status", "OPEN");
            assertThat(collection.find(new Document("_id", "wo-4").append("mallId", "M002")).first())
                    .as("another mall's id").isNull();
            assertThat(collection.find(new Document("_id", "wo-404").append("mallId", "M001")).first()).isNull();
            assertThat(collection.find(new Document("_id", new Document("$in", List.of("wo-1", "wo-2", "wo-3")))
                    .append("mallId", "M002")).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                    .containsExactlyInAnyOrder("wo-1", "wo-3");
            // A versioned save: only the version it read matches.
            assertThat(collection.replaceOne(new Document("_id", "wo-6").append("version", 1L),
                    new Document("mallId", "M001").append("version", 2L).append("status", "DONE")).getModifiedCount())
                    .isOne();
            assertThat(collection.replaceOne(new Document("_id", "wo-6").append("version", 1L),
                    new Document("mallId", "M001").append("version", 2L).append("status", "LOST")).getModifiedCount())
                    .as("a stale version").isZero();
            // A lease: claimed once while it is free.
            Document free = new Document("_id", "wo-8").append("$or", List.of(new Document("leasedBy", null),
                    new Document("leasedBy", "nobody")));
            assertThat(collection.findOneAndUpdate(free, new Document("$set", new Document("leasedBy", "me")))).isNotNull();
            assertThat(collection.findOneAndUpdate(free, new Document("$set", new Document("leasedBy", "you")))).isNull();
            assertThat(collection.deleteOne(new Document("_id", "wo-10").append("leasedBy", "me")).getDeletedCount()).isZero();
            assertThat(collection.countDocuments(new Document("_id", "wo-6").append("status", "DONE"))).isOne();
        });
    }

    private static void withServer(Path file, java.util.function.Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new BsonH2Backend(store));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            work.accept(client.getDatabase("intake").getCollection("requests"));
        } finally {
            server.shutdownNow();
        }
    }
}
