package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.store.NewestFirstKey;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.web.ListQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The reception log as the front desk opens it (newest first, whole or by status, between two times or not, no other
 * filter) is read as a range of a log key: it must answer the same requests, in the same order, with the same total, as
 * the query on the mall, the status and the received time always did.
 */
class RequestLogTest extends IntakeIntegrationTest {

    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    @Autowired
    RequestLogKeys conversion;

    @Autowired
    RequestTextIndex textIndex;

    @BeforeEach
    void logReadByKey() {
        // The conversion at start runs behind the service; the key is read once it is through.
        await().atMost(shortly()).until(conversion::converted);
    }

    @Test
    void theLogsPagesAnswerAsTheQueryOnMallAndTimeDid() {
        String mall = newMall();
        // Two received at the same moment (ordered by id), one exactly at a bound, one just before another.
        List<Instant> times = List.of(T, T.plusSeconds(600), T.plusSeconds(600), T.plusSeconds(1200),
                T.plusSeconds(1800).minusMillis(1), T.plusSeconds(1800), T.plusSeconds(2400));
        List<String> registered = times.stream().map(at -> received(mall, at)).toList();
        register(mall, counterRepair(null));
        // Two leave their status: their keys move to the other part of the log.
        cancel(mall, registered.get(1));
        cancel(mall, registered.get(5));
        String other = newMall();
        times.forEach(at -> received(other, at));
        String from = T.plusSeconds(600).toString();
        String to = T.plusSeconds(1800).toString();

        for (String params : List.of("", "size=3", "size=3&page=1", "size=3&page=2", "size=3&page=3",
                "from=" + from, "to=" + to, "from=" + from + "&to=" + to,
                "from=" + from + "&to=" + to + "&size=2&page=1",
                "sort=receivedAt,desc", "to=" + T, "status=REGISTERED", "status=REGISTERED&size=2&page=2",
                "status=CANCELLED", "status=CANCELLED&from=" + from, "status=CANCELLED&to=" + to, "status=CLOSED")) {
            Map<String, Object> page = page(mall, params);
            Expected expected = asTheQueryDid(mall, params);
            assertThat(ids(page)).as(params).isEqualTo(expected.ids());
            assertThat(((Number) page.get("total")).longValue()).as(params).isEqualTo(expected.total());
        }
        assertThat(page(mall, "").get("total")).isEqualTo(8);
        assertThat(page(mall, "to=" + T).get("total")).isEqualTo(0);
        assertThat(ids(page(mall, "status=CANCELLED"))).containsExactly(registered.get(5), registered.get(1));
    }

    @Test
    void requestsStoredBeforeTheKeyAreGivenItOnce() {
        String mall = newMall();
        String keyed = received(mall, T.plusSeconds(60));
        String older = received(mall, T);
        // As stored before the log was read by key.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(older)),
                new Update().unset(ServiceRequest.LOG_KEY).unset(ServiceRequest.STATUS_LOG_KEY), "requests").block();
        mongo.remove(Query.query(Criteria.where("_id").is(RequestLogKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(ids(page(mall, ""))).containsExactly(keyed);
        assertThat(ids(page(mall, "status=REGISTERED"))).containsExactly(keyed);
        // A search with another filter does not read the key.
        assertThat(ids(page(mall, "kind=REPAIR"))).containsExactly(keyed, older);
        // Nor does an instance whose conversion has not run through yet: it reads the log by mall.
        RequestSearch converting = new RequestSearch(mongo, textIndex, new RequestLogKeys(mongo));
        var firstPage = converting.find(mall, new RequestSearch.Filter(null, null, null, null, null, null, null),
                ListQuery.of("0", "20", null, RequestSearch.SORTS)).block();
        assertThat(firstPage.items()).extracting(ServiceRequest::getId).containsExactly(keyed, older);
        assertThat(firstPage.total()).isEqualTo(2);

        assertThat(conversion.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(conversion.convert().block()).isZero();

        assertThat(ids(page(mall, ""))).containsExactly(keyed, older);
        assertThat(ids(page(mall, "status=REGISTERED"))).containsExactly(keyed, older);
        Document stored = mongo.findById(older, Document.class, "requests").block();
        assertThat(stored).containsEntry(ServiceRequest.LOG_KEY,
                NewestFirstKey.of(mall, stored.getDate("receivedAt").toInstant(), older))
                .containsEntry(ServiceRequest.STATUS_LOG_KEY,
                        NewestFirstKey.of(mall, "REGISTERED", stored.getDate("receivedAt").toInstant(), older));
    }

    @Test
    void theKeyingScanReadsPageAfterPageUntilEveryRequestIsKeyed() {
        String mall = newMall();
        // More than two of the scan's pages, stored as before the keys (no key of either kind).
        List<Document> stored = IntStream.range(0, 1_100).mapToObj(i -> new Document("_id", mall + "-old-" + i)
                .append("mallId", mall).append("number", mall + "-" + i).append("status", "CLOSED")
                .append("kind", "REPAIR")
                .append("receivedAt", Date.from(T.plusSeconds(i)))).toList();
        mongo.insert(stored, "requests").collectList().block();
        mongo.remove(Query.query(Criteria.where("_id").is(RequestLogKeys.NAME)), LayoutConversion.DONE).block();

        assertThat(conversion.convert().block()).isGreaterThanOrEqualTo(1_100);

        Map<String, Object> newest = page(mall, "size=3");
        assertThat(newest.get("total")).isEqualTo(1_100);
        assertThat(ids(newest)).containsExactly(mall + "-old-1099", mall + "-old-1098", mall + "-old-1097");
        assertThat(page(mall, "status=CLOSED&size=1").get("total")).isEqualTo(1_100);
    }

    private record Expected(List<String> ids, long total) {
    }

    /** The query of the log before it had its key: the mall, the time bounds, newest first and then by id. */
    private Expected asTheQueryDid(String mall, String params) {
        Criteria criteria = Criteria.where("mallId").is(mall);
        if (value(params, "status") != null) {
            criteria = criteria.and("status").is(value(params, "status"));
        }
        Instant from = time(params, "from");
        Instant to = time(params, "to");
        if (from != null || to != null) {
            criteria = criteria.and("receivedAt");
            if (from != null) {
                criteria = criteria.gte(from);
            }
            if (to != null) {
                criteria = criteria.lt(to);
            }
        }
        int size = value(params, "size") == null ? 50 : Integer.parseInt(value(params, "size"));
        int number = value(params, "page") == null ? 0 : Integer.parseInt(value(params, "page"));
        List<String> ids = mongo.find(Query.query(criteria)
                        .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id")))
                        .skip((long) number * size).limit(size), Document.class, "requests")
                .map(d -> d.getString("_id")).collectList().block();
        long total = mongo.count(Query.query(criteria), "requests").block();
        return new Expected(ids, total);
    }

    private static Instant time(String params, String name) {
        String value = value(params, name);
        return value == null ? null : Instant.parse(value);
    }

    private static String value(String params, String name) {
        for (String pair : params.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private void cancel(String mall, String id) {
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "顧客撤回"),
                mall, id).expectStatus().isOk();
    }

    private String received(String mall, Instant at) {
        return (String) register(mall, counterRepair(at)).get("id");
    }

    private static Map<String, Object> counterRepair(Instant receivedAt) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "電話報修", "location", Map.of("floor", "3F", "zone", "B"),
                "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER")));
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt.toString());
        }
        return body;
    }

    private Map<String, Object> page(String mall, String params) {
        return get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?" + params, mall)
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return new ArrayList<>(((List<Map<String, Object>>) page.get("items")).stream()
                .map(r -> (String) r.get("id")).toList());
    }
}
