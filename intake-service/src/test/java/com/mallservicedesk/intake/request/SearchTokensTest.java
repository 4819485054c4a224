package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The free-text index's tokens (seed 000 §4.3: the reception log must be searchable by its reason and contact). */
class SearchTokensTest {

    @Test
    @DisplayName("seed 000 §4.3: Chinese is cut into characters and pairs, so any part of a reason is found by key")
    void chineseIsCutIntoCharactersAndPairs() {
        assertThat(SearchTokens.ofDocument("中庭噴泉")).containsExactly("中", "庭", "噴", "泉", "中庭", "庭噴", "噴泉");
        assertThat(SearchTokens.ofQuery("噴泉不出")).containsExactly("噴泉", "泉不", "不出");
        assertThat(SearchTokens.ofQuery("水")).containsExactly("水");
        assertThat(SearchTokens.ofDocument("中庭噴泉不出水")).containsAll(SearchTokens.ofQuery("泉不出水"));
    }

    @Test
    @DisplayName("seed 000 §4.3: Latin letters and digits are words found by their start; other characters by themselves")
    void wordsByPrefixAndSymbolsByThemselves() {
        assertThat(SearchTokens.ofDocument("B2 Pumps")).containsExactly("b", "b2", "p", "pu", "pum", "pump", "pumps");
        assertThat(SearchTokens.ofQuery("PUMP")).containsExactly("pump");
        assertThat(SearchTokens.ofDocument("M001-20261126-0001")).contains("m001", "2026", "20261126", "0001", "-");
        assertThat(SearchTokens.ofQuery("(.*)")).containsExactly("(", ".", "*", ")");
        assertThat(SearchTokens.ofQuery("B2照明")).containsExactly("b2", "照明");
        assertThat(SearchTokens.ofQuery("  ")).isEmpty();
    }

    @Test
    @DisplayName("seed 000 §4.3: a request's number is found by its day and sequence, not by what all the mall's numbers share")
    void aNumberByItsDayAndSequence() {
        assertThat(SearchTokens.ofRequest("M001", "M001-20261126-0071", "B2 漏水", null))
                .containsExactly("20261126", "0071", "b", "b2", "漏", "水", "漏水");
        assertThat(SearchTokens.ofRequest("BM5D-001", "BM5D-001-20261126-0071")).containsExactly("20261126", "0071");
        assertThat(SearchTokens.ofQuery("M001", "M001-20261126-0071")).containsExactly("20261126", "0071");
        assertThat(SearchTokens.ofQuery("M001", "20261126-0071")).containsExactly("20261126", "0071");
        assertThat(SearchTokens.ofRequest("M001", "M001-20261126-0071"))
                .containsAll(SearchTokens.ofQuery("M001", "M001-20261126-0071"));
        // The dash and the mall's code narrow nothing in the mall: a query keeps its other tokens.
        assertThat(SearchTokens.ofQuery("M001", "B2-漏水")).containsExactly("b2", "漏水");
    }

    @Test
    @DisplayName("seed 000 §4.3: a document and a query are bounded in tokens")
    void bounded() {
        assertThat(SearchTokens.ofDocument("x".repeat(50))).hasSize(SearchTokens.MAX_WORD);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.appendCodePoint(0x4E00 + i);
        }
        assertThat(SearchTokens.ofDocument(text.toString())).hasSize(SearchTokens.MAX_PER_DOCUMENT);
        assertThat(SearchTokens.ofQuery(text.toString())).hasSize(SearchTokens.MAX_PER_QUERY);
    }
}
