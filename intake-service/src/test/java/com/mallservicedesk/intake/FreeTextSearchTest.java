package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Free-text search of the reception log by the keyed token index (no pattern scan of the requests). */
class FreeTextSearchTest extends IntakeIntegrationTest {

    @Test
    @DisplayName("seed 000 §4.3: the log is found by any part of its reason, its number, the customer's name, only in its mall")
    void textIsFoundByKey() {
        String mall = newMall();
        String other = newMall();
        register(mall, Map.of("channel", "PHONE", "kind", "REPAIR", "description", "中庭噴泉不出水",
                "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER")));
        var pumps = register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "B2 water PUMPS noisy",
                "category", "機電"));
        register(mall, Map.of("channel", "PATROL", "kind", "COMPLAINT", "description", "噴泉旁地面濕滑"));
        register(other, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "中庭噴泉不出水"));
        var token = TestTokens.frontDesk(mall);

        assertThat(descriptions(token, mall, "噴泉")).containsExactlyInAnyOrder("中庭噴泉不出水", "噴泉旁地面濕滑");
        assertThat(descriptions(token, mall, "泉不出")).containsExactly("中庭噴泉不出水");
        assertThat(descriptions(token, mall, "濕")).containsExactly("噴泉旁地面濕滑");
        assertThat(descriptions(token, mall, "pump")).containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, "b2 WATER")).containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, "王小姐")).containsExactly("中庭噴泉不出水");
        assertThat(descriptions(token, mall, "機電")).containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, (String) pumps.get("number"))).containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, "噴泉不出水啦")).isEmpty();
        assertThat(descriptions(token, mall, "電梯")).isEmpty();
        assertThat(descriptions(token, mall, "噴泉&kind=COMPLAINT")).containsExactly("噴泉旁地面濕滑");
        assertThat(descriptions(token, mall, "噴泉&sort=receivedAt,asc")).containsExactly("中庭噴泉不出水", "噴泉旁地面濕滑");
        get(token, "/api/v1/malls/{mall}/requests?q=噴泉&size=1&page=1&sort=receivedAt,asc", mall).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.items[0].description").isEqualTo("噴泉旁地面濕滑");

        // Indexed by key: one document per mall and token.
        assertThat(mongo.findById(mall + "|噴泉", Document.class, "request_search_tokens").block()).isNotNull();
    }

    @Test
    @DisplayName("a token's postings are kept per day, so indexing rewrites one day's ids; older days and postings from before the split are still read")
    void postingsOfEarlierDaysAndFromBeforeTheSplitAreFound() {
        String mall = newMall();
        String id = (String) register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "扶梯異響")).get("id");
        var token = TestTokens.frontDesk(mall);
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var tokens = "request_search_tokens";
        assertThat(mongo.findById(mall + "|扶梯|" + today, Document.class, tokens).block().getList("ids", String.class))
                .containsExactly(id);
        assertThat(mongo.findById(mall + "|扶梯", Document.class, tokens).block().getList("days", String.class))
                .containsExactly(today);

        // The same postings on an earlier day: still found.
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(mall + "|扶梯|" + today)), tokens).block();
        mongo.save(new Document("_id", mall + "|扶梯|2025-03-01").append("ids", List.of(id)), tokens).block();
        mongo.save(new Document("_id", mall + "|扶梯").append("days", List.of(today, "2025-03-01")), tokens).block();
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");

        // Written before postings were split by day: the ids in the token's own document.
        mongo.save(new Document("_id", mall + "|扶梯").append("ids", List.of(id)), tokens).block();
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
    }

    @SuppressWarnings("unchecked")
    private List<String> descriptions(String token, String mall, String q) {
        var page = get(token, "/api/v1/malls/{mall}/requests?q=" + q, mall).expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("description")).toList();
    }
}
