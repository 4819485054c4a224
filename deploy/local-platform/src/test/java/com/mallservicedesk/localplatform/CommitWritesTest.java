package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store tells, per collection, what its commits wrote. */
class CommitWritesTest {

    @TempDir
    Path home;

    @Test
    void aCommitCountsTheDocumentsOfEachPageItWritesUnderTheirCollection() {
        MVStore store = new MVStore.Builder().fileName(home.resolve("store.mv").toString()).open();
        try {
            CommitWrites writes = CommitWrites.of(store);
            MVMap<Object, Document> small = store.openMap("databases.intake.small",
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType(writes.of("intake.small"))));
            MVMap<Object, Document> large = store.openMap("databases.intake.large",
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType(writes.of("intake.large"))));
            small.put("a", new Document("_id", "a").append("n", 1));
            small.put("b", new Document("_id", "b").append("n", 2));
            large.put("x", new Document("_id", "x").append("text", "漏水".repeat(500)));
            store.commit();

            var written = writes.takeWritten();
            assertThat(written).extracting(CommitWrites.Written::collection).containsExactly("intake.large", "intake.small");
            assertThat(written.get(0).documents()).isEqualTo(1);
            assertThat(written.get(0).bytes()).isGreaterThan(3000);
            assertThat(written.get(1).documents()).isEqualTo(2);

            // A later change rewrites the whole page: both documents of the small collection again.
            small.put("a", new Document("_id", "a").append("n", 3));
            store.commit();
            assertThat(writes.report(60, 8)).startsWith("Commits wrote ").contains("intake.small", "(2 documents)")
                    .doesNotContain("intake.large");
            assertThat(writes.report(60, 8)).as("nothing written since the last report").isNull();
            assertThat(CommitWrites.of(store)).isSameAs(writes);
        } finally {
            store.close();
        }
    }
}
