package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitOnWriteBackendTest {

    @Test
    void writeCommandsCommit() {
        for (String command : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "dropIndexes",
                "drop", "dropDatabase", "create", "renameCollection", "someFutureCommand")) {
            assertThat(CommitOnWriteBackend.isWrite(command, new Document(command, "c"))).as(command).isTrue();
        }
    }

    @Test
    void readsDoNotWaitForACommit() {
        for (String command : List.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes",
                "ping", "isMaster", "hello", "buildInfo", "endSessions", "killCursors")) {
            assertThat(CommitOnWriteBackend.isWrite(command, new Document(command, "c"))).as(command).isFalse();
        }
    }

    @Test
    void anAggregationWritesOnlyWithAnOutOrMergeStage() {
        Document match = new Document("$match", new Document("mallId", "M001"));

        assertThat(CommitOnWriteBackend.isWrite("aggregate", new Document("aggregate", "c")
                .append("pipeline", List.of(match)))).isFalse();
        assertThat(CommitOnWriteBackend.isWrite("aggregate", new Document("aggregate", "c")
                .append("pipeline", List.of(match, new Document("$out", "copy"))))).isTrue();
        assertThat(CommitOnWriteBackend.isWrite("aggregate", new Document("aggregate", "c")
                .append("pipeline", List.of(new Document("$merge", new Document("into", "copy")))))).isTrue();
    }
}
