package com.mallservicedesk.localplatform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A logical backup of the services' databases through the MongoDB wire protocol, for the local platform's
 * MongoDB-wire server (which mongodump cannot read: it keeps no oplog) and for any MongoDB where the database tools
 * are not at hand. One gzip file of lines in canonical Extended JSON, so every BSON type (dates, Decimal128, ids)
 * comes back exactly: a header, then per collection its secondary indexes and its documents. On a real replica set
 * use mongodump with {@code --oplog} (docs/operations.md): this copy is consistent per collection, not across them,
 * so take it with the services stopped.
 */
final class MongoBackup {

    static final String FORMAT = "mall-service-desk-mongo-backup";
    static final int VERSION = 1;
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    private final MongoClient client;
    private final PrintStream progress;

    MongoBackup(MongoClient client, PrintStream progress) {
        this.client = client;
        this.progress = progress;
    }

    /** What a dump or restore touched: documents per {@code database.collection}. */
    record Summary(Map<String, Long> documents) {
        long total() {
            return documents.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Dumps the named databases, or every non-system database when {@code databases} is empty. */
    Summary dump(List<String> databases, Path archive) throws IOException {
        List<String> names = databases.isEmpty() ? userDatabases() : databases;
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(archive)),
                StandardCharsets.UTF_8))) {
            line(out, new Document("format", FORMAT).append("version", VERSION).append("takenAt", Instant.now().toString())
                    .append("databases", names));
            for (String databaseName : names) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames()) {
                    MongoCollection<Document> collection = database.getCollection(collectionName);
                    line(out, new Document("db", databaseName).append("collection", collectionName));
                    for (Document index : collection.listIndexes()) {
                        if (!"_id_".equals(index.getString("name"))) {
                            line(out, new Document("db", databaseName).append("collection", collectionName).append("index", index));
                        }
                    }
                    long n = 0;
                    for (Document document : collection.find()) {
                        line(out, new Document("db", databaseName).append("collection", collectionName).append("doc", document));
                        n++;
                    }
                    counts.put(databaseName + "." + collectionName, n);
                    progress.printf("dumped %-50s %,10d documents%n", databaseName + "." + collectionName, n);
                }
            }
        }
        return new Summary(counts);
    }

    /** Drops each database the archive names, then writes back its collections, indexes and documents. */
    Summary restore(Path archive) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(archive)),
                StandardCharsets.UTF_8))) {
            Document header = Document.parse(requireLine(in.readLine()));
            if (!FORMAT.equals(header.getString("format")) || header.getInteger("version", 0) != VERSION) {
                throw new IllegalArgumentException(archive + " is not a backup of this format (" + FORMAT + " v" + VERSION + ")");
            }
            for (String databaseName : header.getList("databases", String.class)) {
                client.getDatabase(databaseName).drop();
            }
            List<Document> batch = new ArrayList<>();
            String current = null;
            String line;
            while ((line = in.readLine()) != null) {
                Document entry = Document.parse(line);
                String key = entry.getString("db") + "." + entry.getString("collection");
                if (!key.equals(current)) {
                    flush(current, batch);
                    if (current != null) {
                        progress.printf("restored %-50s %,10d documents%n", current, counts.get(current));
                    }
                    current = key;
                    counts.putIfAbsent(key, 0L);
                    client.getDatabase(entry.getString("db")).createCollection(entry.getString("collection"));
                }
                if (entry.containsKey("index")) {
                    createIndex(collection(key), entry.get("index", Document.class));
                } else if (entry.containsKey("doc")) {
                    batch.add(entry.get("doc", Document.class));
                    counts.merge(key, 1L, Long::sum);
                    if (batch.size() == BATCH) {
                        flush(key, batch);
                    }
                }
            }
            flush(current, batch);
            if (current != null) {
                progress.printf("restored %-50s %,10d documents%n", current, counts.get(current));
            }
        }
        return new Summary(counts);
    }

    private List<String> userDatabases() {
        List<String> names = new ArrayList<>();
        for (String name : client.listDatabaseNames()) {
            if (!SYSTEM_DATABASES.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private MongoCollection<Document> collection(String key) {
        int dot = key.indexOf('.');
        return client.getDatabase(key.substring(0, dot)).getCollection(key.substring(dot + 1));
    }

    private void flush(String key, List<Document> batch) {
        if (key != null && !batch.isEmpty()) {
            collection(key).insertMany(batch);
        }
        batch.clear();
    }

    private static void createIndex(MongoCollection<Document> collection, Document index) {
        var options = new IndexOptions().name(index.getString("name"))
                .unique(index.getBoolean("unique", false))
                .sparse(index.getBoolean("sparse", false));
        if (index.containsKey("expireAfterSeconds")) {
            options.expireAfter(((Number) index.get("expireAfterSeconds")).longValue(), java.util.concurrent.TimeUnit.SECONDS);
        }
        collection.createIndex(index.get("key", Document.class), options);
    }

    private static void line(BufferedWriter out, Document document) throws IOException {
        out.write(document.toJson(CANONICAL));
        out.write('\n');
    }

    private static String requireLine(String line) {
        if (line == null) {
            throw new IllegalArgumentException("the backup file is empty");
        }
        return line;
    }
}
