package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where a request's postings go: the day and block of its number, and its position in the block. */
class TokenPostingsTest {

    private final TokenPostings postings = new TokenPostings(() -> null, "request_search_tokens",
            Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC));

    @Test
    @DisplayName("a number's day and its block of 64 numbers name the documents, and the posting is its position in the block")
    void dayBlockAndPositionOfTheNumber() {
        assertThat(place("M001-20261127-0001")).isEqualTo(new TokenPostings.Place("20261127#0000", 1));
        assertThat(place("M001-20261127-0063")).isEqualTo(new TokenPostings.Place("20261127#0000", 63));
        assertThat(place("M001-20261127-0064")).isEqualTo(new TokenPostings.Place("20261127#0001", 0));
        assertThat(place("M001-20261127-12345")).isEqualTo(new TokenPostings.Place("20261127#0192", 57));
        assertThat(place("BM-001-20261127-0071")).isEqualTo(new TokenPostings.Place("20261127#0001", 7));
        assertThat(TokenPostings.postingsOf("M001", "20261127#0001", "扶梯")).isEqualTo("M001#20261127#0001|扶梯");
        assertThat(TokenPostings.blockOf("M001", "20261127#0001")).isEqualTo("M001#20261127#0001");
        assertThat(TokenPostings.entryOf("M001#20261127#0001", 7)).isEqualTo("M001#20261127#0001@07");
        assertThat(TokenPostings.positionOf("M001#20261127#0001@07")).isEqualTo(7);
        assertThat(TokenPostings.entriesOf("M001#20261127#0001", 2))
                .containsExactly("M001#20261127#0001@00", "M001#20261127#0001@01", "M001#20261127#0001@02");
    }

    @Test
    @DisplayName("a block's documents sort together: its state, its entries in order, its postings; a registration changes only its block's pages")
    void aBlocksDocumentsSortTogether() {
        String block = TokenPostings.blockOf("M001", "20261127#0001");
        String firstEntry = TokenPostings.entryOf(block, 0);
        String lastEntry = TokenPostings.entryOf(block, TokenPostings.BLOCK - 1);
        String first = TokenPostings.postingsOf("M001", "20261127#0001", "0");
        String last = TokenPostings.postingsOf("M001", "20261127#0001", "龘龘");
        String nextBlock = TokenPostings.blockOf("M001", "20261127#0002");
        assertThat(block).isLessThan(firstEntry);
        assertThat(firstEntry).isLessThan(TokenPostings.entryOf(block, 9)).isLessThan(TokenPostings.entryOf(block, 10));
        assertThat(lastEntry).isLessThan(first);
        assertThat(first).isLessThan(last);
        assertThat(last).isLessThan(nextBlock);
    }

    @Test
    @DisplayName("a number in another form has no block: its id is posted in the indexing day's unnumbered slot (UTC)")
    void otherNumbersArePostedByIdOnTheIndexingDay() {
        for (String number : new String[] {"IMPORTED-7", "M001-2026112-0001", "M001-2026112a-0001", null}) {
            var place = place(number);
            assertThat(place).isEqualTo(new TokenPostings.Place("20261126#~", "request-1"));
            assertThat(place.numbered()).isFalse();
        }
    }

    private TokenPostings.Place place(String number) {
        return postings.placeOf(number, "request-1");
    }
}
