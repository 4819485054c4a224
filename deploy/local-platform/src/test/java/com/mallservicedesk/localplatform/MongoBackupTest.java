package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dump, wipe and restore against the MongoDB-wire server the local platform runs (H2 backend). */
class MongoBackupTest {

    @TempDir
    Path tmp;

    private MongoServer server;
    private MongoClient client;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        server = new MongoServer(new H2Backend(new MVStore.Builder().fileName(tmp.resolve("store.mv").toString()).open()));
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(uri);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRestoreBringsBackExactlyWhatWasDumpedWithItsUniqueIndexes() throws Exception {
        var requests = client.getDatabase("intake").getCollection("requests");
        requests.createIndex(new Document("mallId", 1).append("number", 1), new IndexOptions().unique(true).name("mall_number"));
        Document typed = new Document("_id", "req-1").append("mallId", "M001").append("number", "20261125-0001")
                .append("receivedAt", Date.from(Instant.parse("2026-11-25T02:03:04.567Z")))
                .append("amount", new Decimal128(new BigDecimal("1234.50")))
                .append("version", 3L)
                .append("outbox", List.of(new Document("id", "e1").append("data", "{\"a\":\"登记\"}")))
                .append("nothing", null);
        requests.insertOne(typed);
        for (int i = 2; i <= 1_200; i++) {
            requests.insertOne(new Document("_id", "req-" + i).append("mallId", "M001").append("number", "n-" + i));
        }
        client.getDatabase("dispatch").getCollection("work_orders").insertOne(new Document("_id", "wo-req-1").append("status", "OPEN"));
        Path archive = tmp.resolve("msd.backup.gz");

        var dumped = backup().dump(List.of(), archive);
        assertThat(dumped.documents()).containsEntry("intake.requests", 1_200L).containsEntry("dispatch.work_orders", 1L);

        // After the backup: a change, a new collection and a lost database; the restore takes them all back to the dump.
        requests.updateOne(new Document("_id", "req-1"), new Document("$set", new Document("version", 4L)));
        client.getDatabase("intake").getCollection("later").insertOne(new Document("_id", "x"));
        client.getDatabase("dispatch").drop();

        var restored = backup().restore(archive);

        assertThat(restored.total()).isEqualTo(1_201L);
        assertThat(requests.find(new Document("_id", "req-1")).first()).isEqualTo(typed);
        assertThat(requests.countDocuments()).isEqualTo(1_200L);
        assertThat(client.getDatabase("intake").listCollectionNames().into(new ArrayList<>())).doesNotContain("later");
        assertThat(client.getDatabase("dispatch").getCollection("work_orders").find().first())
                .isEqualTo(new Document("_id", "wo-req-1").append("status", "OPEN"));
        assertThatThrownBy(() -> requests.insertOne(new Document("_id", "dup").append("mallId", "M001").append("number", "n-2")))
                .as("the unique index came back").isInstanceOf(MongoWriteException.class);
        assertThat(progress.toString()).contains("restored intake.requests").contains("1,200");
    }

    @Test
    void theCommandRefusesAFileThatIsNotABackupAndExplainsItsUsage() throws Exception {
        Path notABackup = tmp.resolve("other.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(notABackup))) {
            out.write("{\"hello\": 1}\n".getBytes());
        }
        var err = new ByteArrayOutputStream();
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        int exit = BackupCommand.run(new String[] {"restore", "--in", notABackup.toString(), "--mongo", uri}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not a backup of this format").contains("Usage: deploy/backup.sh");
        assertThat(BackupCommand.run(new String[] {"dump", "--mongo", uri}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--out is required");
    }

    private MongoBackup backup() {
        return new MongoBackup(client, new PrintStream(progress));
    }
}
