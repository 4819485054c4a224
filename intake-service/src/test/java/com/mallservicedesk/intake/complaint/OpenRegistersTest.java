package com.mallservicedesk.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The supervisor's list of open complaint registers, read as the mall's set of them: oldest complaint first, paged,
 * only the mall's, a withdrawn one gone; registers stored before the key get it once.
 */
class OpenRegistersTest extends IntakeIntegrationTest {

    private static final String REGISTER = "/api/v1/malls/{mall}/requests/{id}/complaint";
    private static final String OPEN = "/api/v1/malls/{mall}/complaints";

    @Autowired
    OpenRegisterKeys openKeys;

    private final String mall = newMall();

    @Test
    void theOpenRegistersAreTheMallsOldestFirstAndAWithdrawnOneLeaves() {
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            complaints.add(complaint(mall));
        }
        String elsewhere = complaint(newMall());
        complaints.forEach(id -> awaitRegister(mall, id));

        assertThat(open("")).containsExactlyElementsOf(complaints).doesNotContain(elsewhere);
        assertThat(page("?page=1&size=2")).containsEntry("total", 3);
        assertThat(open("?page=1&size=2")).containsExactly(complaints.get(2));

        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "顧客撤回"), mall,
                complaints.get(1)).expectStatus().isOk();
        await().atMost(shortly()).untilAsserted(() -> assertThat(open(""))
                .containsExactly(complaints.get(0), complaints.get(2)));
    }

    @Test
    void openRegistersStoredWithoutTheKeyAreGivenItOnce() {
        String before = complaint(mall);
        String withdrawnBefore = complaint(mall);
        awaitRegister(mall, before);
        awaitRegister(mall, withdrawnBefore);
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/cancel", Map.of("reason", "顧客撤回"), mall,
                withdrawnBefore).expectStatus().isOk();
        await().atMost(shortly()).untilAsserted(() -> assertThat(open("")).containsExactly(before));
        // As stored before open registers kept their place in the set.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(before)), new Update().unset(ComplaintRegister.OPEN_KEY),
                "complaint_registers").block();
        assertThat(open("")).isEmpty();

        mongo.remove(Query.query(Criteria.where("_id").is(OpenRegisterKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(openKeys.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(openKeys.convert().block()).isZero();

        assertThat(mongo.findById(withdrawnBefore, Document.class, "complaint_registers").block())
                .doesNotContainKey(ComplaintRegister.OPEN_KEY);
        assertThat(open("")).containsExactly(before);
    }

    private String complaint(String mallId) {
        return (String) register(mallId, Map.of("channel", "VISIT", "kind", "COMPLAINT", "description", "停車場收費員態度差",
                "customer", Map.of("name", "陳先生", "phone", "13900001111"))).get("id");
    }

    private void awaitRegister(String mallId, String id) {
        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.supervisor(mallId), REGISTER, mallId, id)
                .expectStatus().isOk());
    }

    private Map<String, Object> page(String query) {
        return get(TestTokens.supervisor(mall), OPEN + query, mall).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<String> open(String query) {
        return ((List<Map<String, Object>>) page(query).get("items")).stream().map(r -> (String) r.get("requestId"))
                .toList();
    }
}
