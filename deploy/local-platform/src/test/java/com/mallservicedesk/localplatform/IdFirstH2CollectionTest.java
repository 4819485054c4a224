package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The store's own single-document update answers every update as the library's does: the same counts, upserted ids,
 * errors and stored documents, step by step, against the library's H2 backend as the reference.
 */
class IdFirstH2CollectionTest {

    /** One step: an update (or a failing one), answered as a comparable line. */
    private static final List<Function<MongoCollection<Document>, Object>> STEPS = List.of(
            c -> c.updateOne(Filters.eq("_id", "r1"), Updates.set("status", "OPEN")),
            // The same value again: matched, not modified.
            c -> c.updateOne(Filters.eq("_id", "r1"), Updates.set("status", "OPEN")),
            c -> c.updateOne(Filters.eq("_id", "none"), Updates.set("status", "OPEN")),
            c -> c.updateOne(Filters.eq("_id", "r2"), Updates.combine(Updates.inc("count", 1),
                    Updates.setOnInsert("mallId", "M1")), new UpdateOptions().upsert(true)),
            c -> c.updateOne(Filters.eq("_id", "r2"), Updates.inc("count", 1), new UpdateOptions().upsert(true)),
            // An upsert whose id comes from the query's other fields is not possible: the server makes one.
            c -> c.updateOne(Filters.eq("code", "X"), Updates.set("n", 1), new UpdateOptions().upsert(true))
                    .getMatchedCount(),
            // Versioned saves: the right version matches, a stale one does not.
            c -> c.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("version", null)),
                    Updates.combine(Updates.set("version", 1), Updates.push("events", new Document("id", "e1")))),
            c -> c.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("version", 0)), Updates.set("version", 2)),
            c -> c.updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.pull("events", new Document("id", "e1")),
                    Updates.unset("status"), Updates.inc("version", 1))),
            c -> c.replaceOne(Filters.eq("_id", "r1"), new Document("_id", "r1").append("status", "CLOSED")),
            // A unique key taken by another document, and an operator that does not apply: refused alike.
            c -> c.updateOne(Filters.eq("_id", "r1"), Updates.set("code", "X")),
            c -> c.updateOne(Filters.eq("_id", "r1"), Updates.inc("status", 1)),
            // Many documents by one id (as Spring Data's bulk upsert sends it), then really many.
            c -> c.updateMany(Filters.eq("_id", "r2"), Updates.inc("count", 1)),
            c -> c.bulkWrite(List.of(new UpdateManyModel<>(Filters.eq("_id", "r4"), Updates.push("ids", "a"),
                            new UpdateOptions().upsert(true)),
                    new UpdateManyModel<>(Filters.eq("_id", "r4"), Updates.push("ids", "b"),
                            new UpdateOptions().upsert(true))))
                    .getUpserts().size() + " upserted, " + c.countDocuments(Filters.eq("_id", "r4")) + " stored",
            c -> c.updateMany(Filters.exists("_id"), Updates.set("seen", true)),
            c -> c.updateOne(Filters.eq("_id", "r2"), Updates.set("tags.$[t]", "b"),
                    new UpdateOptions().arrayFilters(List.of(Filters.eq("t", "a")))));

    @Test
    void updatesAnswerAndStoreAsTheLibrarysOwnUpdatesDo() {
        assertThat(run(new BsonH2Backend(new MVStore.Builder().open())))
                .isEqualTo(run(new H2Backend(new MVStore.Builder().open())));
    }

    /**
     * A commit writes the changed pages on another thread from the very objects the maps hold, so an update must
     * put a new document in the map and leave the stored one as it was. (Updated in place, a document whose page was
     * being written broke the commit and closed the store.)
     */
    @Test
    void anUpdateNeverChangesADocumentAlreadyStored() {
        MVStore store = new MVStore.Builder().open();
        Map<Object, String> seen = new IdentityHashMap<>();
        List<String> changedInPlace = new ArrayList<>();
        run(new BsonH2Backend(store), () -> {
            seen.forEach((stored, asItWas) -> {
                if (!stored.toString().equals(asItWas)) {
                    changedInPlace.add(asItWas + " became " + stored);
                }
            });
            seen.clear();
            for (String name : store.getMapNames()) {
                store.openMap(name).values().forEach(value -> {
                    if (value instanceof de.bwaldvogel.mongo.bson.Document document) {
                        seen.put(document, document.toString());
                    }
                });
            }
        });

        assertThat(seen).as("documents stored").isNotEmpty();
        assertThat(changedInPlace).isEmpty();
    }

    private static List<Object> run(MongoBackend backend) {
        return run(backend, () -> { });
    }

    /** Runs the steps, {@code betweenSteps} before the first and after each. */
    private static List<Object> run(MongoBackend backend, Runnable betweenSteps) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        List<Object> answers = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> requests = client.getDatabase("intake").getCollection("requests");
            requests.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
            requests.insertOne(new Document("_id", "r1").append("tags", List.of("a")));
            requests.insertOne(new Document("_id", "r3").append("code", "Y"));
            betweenSteps.run();
            for (var step : STEPS) {
                answers.add(answer(step, requests));
                answers.add(stored(requests));
                betweenSteps.run();
            }
        } finally {
            server.shutdownNow();
        }
        return answers;
    }

    private static Object answer(Function<MongoCollection<Document>, Object> step, MongoCollection<Document> in) {
        try {
            Object answer = step.apply(in);
            if (answer instanceof UpdateResult result) {
                // Upserted ids the server made are new each run: only whether there is one is compared.
                return List.of(result.getMatchedCount(), result.getModifiedCount(), result.getUpsertedId() != null);
            }
            return answer;
        } catch (MongoWriteException e) {
            // The server's message, without the address the driver adds (a free port, new each run).
            return "refused " + e.getCode() + ": " + e.getError().getMessage();
        }
    }

    /** The stored documents, without the ids the server made. */
    private static List<Document> stored(MongoCollection<Document> in) {
        List<Document> documents = new ArrayList<>();
        in.find().sort(new Document("_id", 1)).forEach(d -> {
            if (!(d.get("_id") instanceof String)) {
                d.put("_id", "made by the server");
            }
            documents.add(d);
        });
        return documents;
    }
}
