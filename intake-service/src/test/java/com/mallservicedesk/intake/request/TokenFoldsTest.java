package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The indexer folds completed blocks between its batches for a bounded time, so texts queued behind do not wait. */
class TokenFoldsTest extends IntakeIntegrationTest {

    private final String collection = "tokens_" + newMall();
    private final TokenPostings postings = new TokenPostings(() -> mongo, collection, Clock.systemUTC());

    @Test
    @DisplayName("a turn folds one block at least and stops once its time is spent; the blocks left fold at later turns")
    void aTurnFoldsForItsTimeAndTheRestWait() {
        String mall = newMall();
        postings.post(IntStream.range(0, 3 * TokenPostings.BLOCK).mapToObj(sequence -> new TokenPostings.Indexed(mall,
                "request-" + sequence, mall + "-20261127-%04d".formatted(sequence),
                Set.of("扶梯", "扶梯-" + sequence))).toList()).block();
        List<String> blocks = IntStream.range(0, 3)
                .mapToObj(block -> TokenPostings.blockOf(mall, TokenPostings.slot("20261127", block))).toList();
        assertThat(blocks).noneMatch(this::folded);

        postings.foldSome(Duration.ZERO).block();
        assertThat(blocks.stream().filter(this::folded)).hasSize(1);

        postings.foldSome(Duration.ofMinutes(1)).block();
        assertThat(blocks).allMatch(this::folded);
        assertThat(document(blocks.get(2) + "|扶梯").getList("at", Integer.class))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, TokenPostings.BLOCK).boxed().toList());
        assertThat(document(blocks.get(1) + "|扶梯-70").getList("at", Integer.class)).containsExactly(6);
    }

    private boolean folded(String block) {
        Document state = document(block);
        return state != null && state.getBoolean(TokenPostings.FOLDED, false);
    }

    private Document document(String key) {
        return mongo.findById(key, Document.class, collection).block();
    }
}
