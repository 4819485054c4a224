package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Texts that did not reach the free-text index are found again by walking the requests by id. */
class TextIndexCatchUpTest extends IntakeIntegrationTest {

    @Autowired
    RequestTextIndex index;

    private final List<String> walked = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("a walk reads every request from the lowest id missed on, in id order, a page at a time, then forgets the mark")
    void walksFromTheLowestMissedIdOn() {
        List<String> ids = register(5);
        String docs = "catch_up_" + newMall();
        var catchUp = walkingInto(docs);

        assertThat(catchUp.missed(ids.get(3))).isTrue();
        assertThat(catchUp.missed(ids.get(1))).isFalse();
        catchUp.step().block();
        assertThat(mongo.findById(IndexCatchUp.MARKER, Document.class, docs).block().getString("from"))
                .isEqualTo(ids.get(1));
        walkToTheEnd(catchUp);

        assertThat(walked).startsWith(ids.get(1), ids.get(2)).containsSubsequence(ids.subList(1, 5))
                .doesNotContain(ids.get(0)).isSorted().doesNotHaveDuplicates();
        assertThat(mongo.findById(IndexCatchUp.MARKER, Document.class, docs).block()).isNull();
    }

    @Test
    @DisplayName("a text missed while the walk indexed the page holding it is walked again")
    void aTextMissedInsideThePageJustReadIsWalkedAgain() {
        List<String> ids = register(4);
        AtomicReference<IndexCatchUp> walk = new AtomicReference<>();
        walk.set(new IndexCatchUp(() -> mongo, "catch_up_" + newMall(), 2, requests -> {
            requests.forEach(request -> walked.add(request.getId()));
            if (walked.size() == 2) {
                walk.get().missed(ids.get(1)); // its text saved again and not queued, while its page was indexed
            }
            return Mono.empty();
        }));
        walk.get().missed(ids.get(0));
        walkToTheEnd(walk.get());

        assertThat(walked).startsWith(ids.get(0), ids.get(1), ids.get(1));
        assertThat(walked.stream().filter(ids.get(1)::equals)).hasSize(2);
    }

    @Test
    @DisplayName("after a crash the next start walks on from the mark the store kept, even when it is older than the last minutes")
    void aRestartGoesOnFromTheStoredMark() {
        List<String> ids = register(4);
        String docs = "catch_up_" + newMall();
        var before = walkingInto(docs);
        before.missed(ids.get(0));
        before.step().block(); // stores the mark, walks one page, and then the process dies
        walked.clear();

        var after = walkingInto(docs);
        after.resume(ids.get(2)).block();
        walkToTheEnd(after);

        assertThat(walked).startsWith(ids.get(0)).containsSubsequence(ids);
        assertThat(mongo.findById(IndexCatchUp.MARKER, Document.class, docs).block()).isNull();
    }

    @Test
    @DisplayName("a request whose text never reached the index is found by a search once the indexer has walked from its id")
    void aMissedTextIsFoundAfterTheWalk() {
        String mall = newMall();
        String id = (String) register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "噴水池漏電"))
                .get("id");
        var token = TestTokens.frontDesk(mall);
        await().atMost(shortly()).until(() -> searchIds(token, mall, "漏電").contains(id));
        // As if its text had not fit in the queue: no entry, no hash.
        mongo.remove(Query.query(Criteria.where("id").is(id)), RequestTextIndex.TOKENS).block();
        mongo.remove(Query.query(Criteria.where("_id").is(id)), RequestTextIndex.DOCS).block();
        assertThat(searchIds(token, mall, "漏電")).isEmpty();

        index.indexAgainFrom(id);

        await().atMost(shortly()).until(() -> searchIds(token, mall, "漏電").contains(id));
    }

    private IndexCatchUp walkingInto(String docs) {
        return new IndexCatchUp(() -> mongo, docs, 2, requests -> {
            requests.forEach(request -> walked.add(request.getId()));
            return Mono.empty();
        });
    }

    private static void walkToTheEnd(IndexCatchUp catchUp) {
        for (int page = 0; catchUp.pending(); page++) {
            assertThat(page).as("pages walked").isLessThan(10_000);
            catchUp.step().block();
        }
    }

    private List<String> register(int count) {
        String mall = newMall();
        List<String> ids = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> ids.add((String) register(mall, Map.of("channel", "PATROL",
                "kind", "REPAIR", "description", "扶梯異響 " + i)).get("id")));
        return ids;
    }
}
