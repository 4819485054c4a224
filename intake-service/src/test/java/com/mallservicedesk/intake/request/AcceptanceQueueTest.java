package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The front desk's queue of online messages waiting for acceptance, which its console polls: read as the mall's
 * working set, it must answer exactly as the list of requests by status always did.
 */
class AcceptanceQueueTest extends IntakeIntegrationTest {

    @Autowired
    AcceptanceQueueKeys conversion;

    @Test
    void theQueueListsTheMallsWaitingMessagesOldestFirstAndLosesThemWhenAccepted() {
        String mall = newMall();
        Instant now = Instant.now();
        String oldest = message(mall, "WECHAT", now.minusSeconds(180));
        String newest = message(mall, "QQ", now.minusSeconds(60));
        String middle = message(mall, "ONLINE", now.minusSeconds(120));
        register(mall, Map.of("channel", "PHONE", "kind", "REPAIR", "description", "櫃檯登記,不在佇列",
                "location", Map.of("floor", "1F", "zone", "A"),
                "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER")));
        String elsewhere = newMall();
        message(elsewhere, "WECHAT", now.minusSeconds(240));

        assertThat(queue(mall, "sort=receivedAt,asc")).containsExactly(oldest, middle, newest);
        assertThat(queue(mall, "sort=receivedAt,desc")).containsExactly(newest, middle, oldest);
        assertThat(page(mall, "sort=receivedAt,asc&size=2&page=1")).containsEntry("total", 3)
                .extracting(p -> ids(p)).isEqualTo(List.of(newest));
        assertThat(queue(mall, "sort=receivedAt,asc&channel=QQ")).containsExactly(newest);

        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/accept", Map.of(), mall, middle)
                .expectStatus().isOk();

        assertThat(queue(mall, "sort=receivedAt,asc")).containsExactly(oldest, newest);
        assertThat(stored(middle)).doesNotContainKey(ServiceRequest.ACCEPTANCE_QUEUE);
        assertThat(stored(oldest)).containsKey(ServiceRequest.ACCEPTANCE_QUEUE);
    }

    @Test
    void messagesStoredBeforeTheQueueExistedAreGivenTheirKeyOnce() {
        String mall = newMall();
        String waiting = message(mall, "EMAIL", Instant.now().minusSeconds(30));
        // As stored before the queue existed: no key.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(waiting)), new Update().unset(ServiceRequest.ACCEPTANCE_QUEUE),
                "requests").block();
        mongo.remove(Query.query(Criteria.where("_id").is(AcceptanceQueueKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(queue(mall, "sort=receivedAt,asc")).isEmpty();

        assertThat(conversion.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(conversion.convert().block()).isZero();

        assertThat(queue(mall, "sort=receivedAt,asc")).containsExactly(waiting);
    }

    private String message(String mall, String channel, Instant receivedAt) {
        return (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/channels/{channel}/messages",
                Map.of("kind", "REPAIR", "description", "線上報修 " + channel, "receivedAt", receivedAt.toString(),
                        "location", Map.of("floor", "2F", "zone", "C"),
                        "customer", Map.of("name", "李先生", "phone", "13700001111", "type", "SHOPPER")), mall, channel)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private List<String> queue(String mall, String params) {
        return ids(page(mall, params));
    }

    private Map<String, Object> page(String mall, String params) {
        return get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?status=PENDING_ACCEPTANCE&" + params, mall)
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(r -> (String) r.get("id")).toList();
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "requests").block();
    }
}
