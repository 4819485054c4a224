package com.mallservicedesk.intake.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The mall's notices, newest first, read as a range of the notices' log key: the same notices, in the same order and
 * with the same total, as the query on the mall and the publication time always answered.
 */
class NoticeListTest extends IntakeIntegrationTest {

    @Autowired
    NoticeLogKeys conversion;

    @Test
    void theListAnswersAsTheQueryOnMallAndPublicationDid() {
        String mall = newMall();
        for (int i = 0; i < 5; i++) {
            publish(mall, "停電 " + i);
        }
        publish(newMall(), "別的商場");

        for (String params : List.of("", "size=2", "size=2&page=1", "size=2&page=2", "size=2&page=3")) {
            Map<String, Object> page = page(mall, params);
            int size = params.isEmpty() ? 50 : 2;
            int number = params.contains("page=") ? Integer.parseInt(params.substring(params.indexOf("page=") + 5)) : 0;
            assertThat(ids(page)).as(params).isEqualTo(asTheQueryDid(mall, size, number));
            assertThat(page.get("total")).as(params).isEqualTo(5);
        }
        assertThat(ids(page(mall, ""))).hasSize(5);
    }

    @Test
    void noticesPublishedBeforeTheKeyAreGivenItOnce() {
        String mall = newMall();
        String keyed = publish(mall, "新的通知");
        // As stored before the list was read by key.
        String older = "before-log-key-" + UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(3600);
        mongo.insert(new Document("_id", older).append("mallId", mall).append("kind", "WATER")
                .append("floors", List.of("2F")).append("zones", List.of()).append("message", "二樓停水")
                .append("startsAt", Date.from(at)).append("endsAt", Date.from(at.plusSeconds(60)))
                .append("publishedAt", Date.from(at)).append("publishedBy", "front-desk")
                .append("recipients", List.of()).append("deliveriesCreated", true), "notices").block();
        mongo.remove(Query.query(Criteria.where("_id").is(NoticeLogKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(ids(page(mall, ""))).containsExactly(keyed);

        assertThat(conversion.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(conversion.convert().block()).isZero();

        assertThat(ids(page(mall, ""))).containsExactly(keyed, older);
    }

    private List<String> asTheQueryDid(String mall, int size, int page) {
        return mongo.find(Query.query(Criteria.where("mallId").is(mall))
                        .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("_id")))
                        .skip((long) page * size).limit(size), Document.class, "notices")
                .map(d -> d.getString("_id")).collectList().block();
    }

    private String publish(String mall, String message) {
        return (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER",
                "startsAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(60).toString(), "message", message),
                mall).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private Map<String, Object> page(String mall, String params) {
        return get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices?" + params, mall)
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(n -> (String) n.get("id")).toList();
    }
}
