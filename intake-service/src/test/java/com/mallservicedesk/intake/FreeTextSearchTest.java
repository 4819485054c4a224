package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

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
        String pumpsNumber = (String) pumps.get("number");
        assertThat(descriptions(token, mall, pumpsNumber)).containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, pumpsNumber.substring(pumpsNumber.length() - 13)))
                .containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, pumpsNumber.substring(pumpsNumber.length() - 4)))
                .containsExactly("B2 water PUMPS noisy");
        assertThat(descriptions(token, mall, "噴泉不出水啦")).isEmpty();
        assertThat(descriptions(token, mall, "電梯")).isEmpty();
        assertThat(descriptions(token, mall, "噴泉&kind=COMPLAINT")).containsExactly("噴泉旁地面濕滑");
        assertThat(descriptions(token, mall, "噴泉&sort=receivedAt,asc")).containsExactly("中庭噴泉不出水", "噴泉旁地面濕滑");
        get(token, "/api/v1/malls/{mall}/requests?q=噴泉&size=1&page=1&sort=receivedAt,asc", mall).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.items[0].description").isEqualTo("噴泉旁地面濕滑");

        // Indexed by key: per mall, token, day and block of numbers.
        String number = (String) pumps.get("number");
        String day = dayOf(number);
        assertThat(mongo.findById(mall + "|噴泉#" + day + "#0000", Document.class, "request_search_tokens").block())
                .isNotNull();
    }

    @Test
    @DisplayName("a token's postings are kept per block of request numbers of a day, so indexing rewrites small documents; earlier days are still read")
    void postingsAreKeptPerBlockOfNumbersAndEarlierDaysAreFound() {
        String mall = newMall();
        var registered = register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "扶梯異響"));
        String id = (String) registered.get("id");
        String number = (String) registered.get("number");
        String day = dayOf(number);
        var token = TestTokens.frontDesk(mall);
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
        var tokens = "request_search_tokens";
        // The mall's first number of the day is in block 0000.
        assertThat(mongo.findById(mall + "|扶梯#" + day + "#0000", Document.class, tokens).block()
                .getList("ids", String.class)).containsExactly(id);

        // The same posting on a day half a year back, in a later block: still found.
        mongo.remove(Query.query(Criteria.where("_id").is(mall + "|扶梯#" + day + "#0000")), tokens).block();
        String earlier = LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE).minusDays(180)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
        mongo.save(new Document("_id", mall + "|扶梯#" + earlier + "#0003").append("ids", List.of(id)), tokens).block();
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
    }

    @Test
    @DisplayName("a search takes the newest postings first: with more ids on an earlier day than it takes, today's requests are still found")
    void newestPostingsComeFirst() {
        String mall = newMall();
        String number = (String) register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "冷氣不冷"))
                .get("number");
        register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "冷氣滴水"));
        var token = TestTokens.frontDesk(mall);
        assertThat(descriptions(token, mall, "冷氣")).containsExactlyInAnyOrder("冷氣不冷", "冷氣滴水");

        String day = dayOf(number);
        String tenDaysBefore = LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE).minusDays(10)
                .format(DateTimeFormatter.BASIC_ISO_DATE);
        List<String> filler = IntStream.range(0, 1000).mapToObj(i -> "gone-" + i).toList();
        mongo.save(new Document("_id", mall + "|冷氣#" + tenDaysBefore + "#0000").append("ids", filler),
                "request_search_tokens").block();
        assertThat(descriptions(token, mall, "冷氣")).containsExactlyInAnyOrder("冷氣不冷", "冷氣滴水");
    }

    /** The day in a request number {@code <mall>-<yyyyMMdd>-<sequence>}. */
    private static String dayOf(String number) {
        return number.substring(number.length() - 13, number.length() - 5);
    }

    @SuppressWarnings("unchecked")
    private List<String> descriptions(String token, String mall, String q) {
        var page = get(token, "/api/v1/malls/{mall}/requests?q=" + q, mall).expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("description")).toList();
    }
}
