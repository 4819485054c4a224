package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Map;
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

        // Indexed by key: an entry per request at its position in its mall's day's block of numbers; the block is not
        // complete, so its postings per token are not written yet.
        String block = mall + "#" + dayOf((String) pumps.get("number")) + "#0000";
        assertThat(entry(block + "@02").getString("id")).isEqualTo(pumps.get("id"));
        assertThat(entry(block + "@02").getList("tokens", String.class)).contains("pump", "機電").doesNotContain("噴泉");
        assertThat(entry(block + "@01").getList("tokens", String.class)).contains("噴泉", "王小");
        assertThat(entry(block + "|噴泉")).isNull();
    }

    @Test
    @DisplayName("a block's postings are written once its last number is indexed; a request of the block indexed later is posted at once")
    void aCompleteBlockIsFoldedAndALateRequestPostedAtOnce() {
        String mall = newMall();
        String first = (String) register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "天花板滲水"))
                .get("number");
        String day = dayOf(first);
        String block = mall + "#" + day + "#0000";
        setCounter(mall, day, 62);
        var last = register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "洗手間滲水"));
        assertThat((String) last.get("number")).endsWith("-0063");
        var token = TestTokens.frontDesk(mall);

        await().atMost(shortly()).until(() -> folded(block));
        assertThat(entry(block + "|滲水").getList("at", Integer.class)).containsExactlyInAnyOrder(1, 63);
        assertThat(entry(block + "|洗手").getList("at", Integer.class)).containsExactly(63);
        assertThat(descriptions(token, mall, "滲水")).containsExactlyInAnyOrder("天花板滲水", "洗手間滲水");

        // A number of the block handed out earlier whose request is indexed only now: its postings are added directly.
        setCounter(mall, day, 9);
        register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "走廊滲水"));
        assertThat(descriptions(token, mall, "走廊")).containsExactly("走廊滲水");
        assertThat(entry(block + "|滲水").getList("at", Integer.class)).containsExactlyInAnyOrder(1, 10, 63);
        assertThat(descriptions(token, mall, "滲水")).hasSize(3);
    }

    @Test
    @DisplayName("a request's postings are kept in its block of numbers of a day, so indexing rewrites small documents; earlier days are still read")
    void postingsAreKeptPerBlockOfNumbersAndEarlierDaysAreFound() {
        String mall = newMall();
        var registered = register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "扶梯異響"));
        String id = (String) registered.get("id");
        String day = dayOf((String) registered.get("number"));
        var token = TestTokens.frontDesk(mall);
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
        // The mall's first number of the day is position 1 of block 0000.
        assertThat(entry(mall + "#" + day + "#0000@01").getList("tokens", String.class)).contains("扶梯");

        // The same request entered half a year back, at position 5 of block 0003 of a day that numbered 200: still
        // found, and the block, complete and of a day long over, is folded: its postings are written once.
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + mall + "#" + day + "#")), TOKENS).block();
        assertThat(descriptions(token, mall, "扶梯")).isEmpty();
        String block = mall + "#" + daysBefore(day, 180) + "#0003";
        post(mall, daysBefore(day, 180), 200, "扶梯", sequence -> sequence == 3 * 64 + 5 ? id : null);
        assertThat(entry(block + "|扶梯")).isNull();
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
        await().atMost(shortly()).until(() -> folded(block));
        assertThat(entry(block + "|扶梯").getList("at", Integer.class)).containsExactly(5);
        assertThat(descriptions(token, mall, "扶梯")).containsExactly("扶梯異響");
    }

    @Test
    @DisplayName("a search takes the newest postings first: with more postings on an earlier day than it takes, today's requests are still found")
    void newestPostingsComeFirst() {
        String mall = newMall();
        String number = (String) register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "冷氣不冷"))
                .get("number");
        register(mall, Map.of("channel", "PATROL", "kind", "REPAIR", "description", "冷氣滴水"));
        var token = TestTokens.frontDesk(mall);
        assertThat(descriptions(token, mall, "冷氣")).containsExactlyInAnyOrder("冷氣不冷", "冷氣滴水");

        post(mall, daysBefore(dayOf(number), 10), 1000, "冷氣", sequence -> "gone-" + sequence);
        assertThat(descriptions(token, mall, "冷氣")).containsExactlyInAnyOrder("冷氣不冷", "冷氣滴水");
    }

    private static final String TOKENS = "request_search_tokens";

    /**
     * Enters a token on an earlier day as the indexer would have: the day's counter at {@code lastSequence}, and an
     * entry with the token for every sequence to which {@code idAt} gives an id.
     */
    private void post(String mall, String day, int lastSequence, String searchToken, IntFunction<String> idAt) {
        setCounter(mall, day, lastSequence);
        List<Document> entries = new ArrayList<>();
        for (int sequence = 1; sequence <= lastSequence; sequence++) {
            String id = idAt.apply(sequence);
            if (id != null) {
                entries.add(new Document("_id", mall + "#" + day + "#%04d@%02d".formatted(sequence / 64, sequence % 64))
                        .append("id", id).append("tokens", List.of(searchToken)));
            }
        }
        mongo.insert(entries, TOKENS).blockLast();
    }

    /** The mall's request counter of the day: its next number is {@code lastSequence + 1}. */
    private void setCounter(String mall, String day, int lastSequence) {
        mongo.save(new Document("_id", mall + "-" + day).append("seq", (long) lastSequence), "request_counters").block();
    }

    private boolean folded(String block) {
        Document state = entry(block);
        return state != null && state.getBoolean("folded", false);
    }

    private Document entry(String key) {
        return mongo.findById(key, Document.class, TOKENS).block();
    }

    private static String daysBefore(String day, int days) {
        return LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE).minusDays(days).format(DateTimeFormatter.BASIC_ISO_DATE);
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
