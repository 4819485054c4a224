package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where a request's postings go: the day and block of its number. */
class TokenPostingsTest {

    private final TokenPostings postings = new TokenPostings(() -> null, "request_search_tokens",
            Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC));

    @Test
    @DisplayName("a number's day and its block of 64 numbers name the document, so a busy day never grows one document")
    void dayAndBlockOfTheNumber() {
        assertThat(document("M001|扶梯", "M001-20261127-0001")).isEqualTo("M001|扶梯#20261127#0000");
        assertThat(document("M001|扶梯", "M001-20261127-0063")).isEqualTo("M001|扶梯#20261127#0000");
        assertThat(document("M001|扶梯", "M001-20261127-0064")).isEqualTo("M001|扶梯#20261127#0001");
        assertThat(document("M001|扶梯", "M001-20261127-12345")).isEqualTo("M001|扶梯#20261127#0192");
        assertThat(document("BM-001|扶梯", "BM-001-20261127-0071")).isEqualTo("BM-001|扶梯#20261127#0001");
    }

    @Test
    @DisplayName("a number in another form goes to the last block of the indexing day (UTC), which a search reads too")
    void otherNumbersGoToTheDaysLastBlock() {
        assertThat(document("M001|x", "IMPORTED-7")).isEqualTo("M001|x#20261126#~");
        assertThat(document("M001|x", "M001-2026112-0001")).isEqualTo("M001|x#20261126#~");
        assertThat(document("M001|x", "M001-2026112a-0001")).isEqualTo("M001|x#20261126#~");
        assertThat(document("M001|x", null)).isEqualTo("M001|x#20261126#~");
    }

    /** The document a request's posting of a token goes to, as the index composes it. */
    private String document(String tokenKey, String number) {
        return TokenPostings.documentOf(tokenKey, postings.slotOf(number));
    }
}
