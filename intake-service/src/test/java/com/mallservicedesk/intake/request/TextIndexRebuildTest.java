package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A store whose free-text index is missing or in an earlier layout gets it built anew at start. */
class TextIndexRebuildTest extends IntakeIntegrationTest {

    @Autowired
    RequestTextIndex index;

    @Test
    @DisplayName("an index in an earlier layout is dropped and every stored request is indexed again, once")
    void anEarlierLayoutIsRebuilt() {
        String mall = newMall();
        String id = (String) register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "天窗漏水"))
                .get("id");
        var token = TestTokens.frontDesk(mall);
        assertThat(searchIds(token, mall, "天窗")).containsExactly(id);

        // The store as an earlier version left it: postings per token and day, no mark of the current layout.
        mongo.remove(Query.query(Criteria.where("_id").is(RequestTextIndex.INDEXED_ALL)), RequestTextIndex.DOCS).block();
        mongo.dropCollection(RequestTextIndex.TOKENS).block();
        mongo.save(new Document("_id", mall + "|天窗|2026-11-26").append("ids", List.of(id)), RequestTextIndex.TOKENS)
                .block();
        assertThat(searchIds(token, mall, "天窗")).isEmpty();

        index.indexAtStart().block();

        assertThat(searchIds(token, mall, "天窗")).containsExactly(id);
        assertThat(mongo.findById(mall + "|天窗|2026-11-26", Document.class, RequestTextIndex.TOKENS).block()).isNull();
        assertThat(mongo.findById(RequestTextIndex.INDEXED_ALL, Document.class, RequestTextIndex.DOCS).block()).isNotNull();
    }
}
