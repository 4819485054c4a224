package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every list answers {@code {items, page, size, total}} with page 0..10,000 and size 1..200 (400 otherwise); sorting
 * takes only listed fields and directions; a notice shows its delivery counts and pages its deliveries separately.
 */
class ListsAndPagingTest extends IntakeIntegrationTest {

    @Test
    void aSortThatIsNotAListedFieldAndDirectionIsABadRequestNeverAnError() {
        String mall = newMall();
        repair(mall, "1F", "A", "13800000081");
        for (String sort : List.of(",", "", "foo,up", "\u0000", ",desc", "receivedAt,", "receivedAt,up",
                "receivedAt,desc,number", "receivedAt;desc", " receivedAt", "RECEIVEDAT")) {
            get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?sort={sort}", mall, sort)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort")
                    .jsonPath("$.errors[0].code").isEqualTo("unsupported");
        }
        for (String sort : List.of("receivedAt", "number,asc", "priority,DESC")) {
            get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests?sort={sort}", mall, sort)
                    .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        }
    }

    @Test
    void everyListKeepsToThePagingLimits() {
        String mall = newMall();
        String noticeId = (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER",
                "startsAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(60).toString(), "message", "停電"),
                mall).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
        for (String list : List.of("requests", "tenants", "notices", "notices/" + noticeId + "/deliveries")) {
            String uri = "/api/v1/malls/" + mall + "/" + list;
            for (String bad : List.of("page=-1", "page=10001", "size=0", "size=201", "page=abc", "size=99999999999")) {
                get(TestTokens.frontDesk(mall), uri + "?" + bad).expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith("application/problem+json");
            }
            get(TestTokens.frontDesk(mall), uri + "?page=10001").expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("page");
            get(TestTokens.frontDesk(mall), uri + "?size=201").expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("size");
            get(TestTokens.frontDesk(mall), uri + "?page=10000&size=200").expectStatus().isOk().expectBody()
                    .jsonPath("$.items").isArray().jsonPath("$.page").isEqualTo(10000).jsonPath("$.size").isEqualTo(200)
                    .jsonPath("$.total").isNumber();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNoticeShowsCountsPerStateAndItsDeliveriesArePagedSeparately() {
        String mall = newMall();
        for (int i = 0; i < 5; i++) {
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of("name", "店" + i, "kind", "COUNTER",
                    "floor", "B1"), mall).expectStatus().isCreated();
        }
        String first = publish(mall, "第一次停水");
        String second = publish(mall, "第二次停水");

        // No gateway is set: every delivery fails and waits.
        await().atMost(shortly()).untilAsserted(() -> get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/notices/{id}",
                mall, second).expectStatus().isOk().expectBody()
                .jsonPath("$.deliveryCounts.FAILED").isEqualTo(5)
                .jsonPath("$.deliveryCounts.PENDING").isEqualTo(0)
                .jsonPath("$.deliveryCounts.SENT").isEqualTo(0)
                .jsonPath("$.deliveryCounts.ACKNOWLEDGED").isEqualTo(0)
                .jsonPath("$.deliveries").doesNotExist()
                .jsonPath("$.deliveriesPath").isEqualTo("/api/v1/malls/" + mall + "/notices/" + second + "/deliveries"));

        var page0 = page(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries?size=2", mall, second);
        var page2 = page(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries?size=2&page=2", mall, second);
        assertThat(page0).containsEntry("total", 5).containsEntry("page", 0).containsEntry("size", 2);
        assertThat((List<Map<String, Object>>) page0.get("items")).extracting(d -> d.get("tenantName"))
                .containsExactly("店0", "店1");
        assertThat((List<Map<String, Object>>) page2.get("items")).extracting(d -> d.get("tenantName"))
                .containsExactly("店4");

        String delivery = (String) ((List<Map<String, Object>>) page0.get("items")).get(0).get("id");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries/{d}/ack", Map.of(), mall, second,
                delivery).expectStatus().isOk();
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}", mall, second).expectStatus().isOk().expectBody()
                .jsonPath("$.deliveryCounts.ACKNOWLEDGED").isEqualTo(1)
                .jsonPath("$.deliveryCounts.FAILED").isEqualTo(4);
        assertThat(page(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries?state=ACKNOWLEDGED",
                mall, second)).containsEntry("total", 1);
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries?state=LOST", mall, second)
                .expectStatus().isBadRequest();
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries", mall, "nope")
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("notice-not-found");

        var notices = page(TestTokens.deptStaff(mall, "ENGINEERING"), "/api/v1/malls/{mall}/notices?size=1", mall);
        assertThat(notices).containsEntry("total", 2).containsEntry("size", 1);
        assertThat((List<Map<String, Object>>) notices.get("items")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("id", second).containsKey("deliveryCounts")
                        .doesNotContainKey("deliveries"));
        assertThat((List<Map<String, Object>>) page(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices?page=1&size=1",
                mall).get("items")).singleElement().satisfies(n -> assertThat(n).containsEntry("id", first));
    }

    private String publish(String mall, String message) {
        return (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "WATER",
                "floors", List.of("B1"), "startsAt", Instant.now().toString(),
                "endsAt", Instant.now().plusSeconds(3600).toString(), "message", message), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private Map<String, Object> page(String token, String uri, Object... vars) {
        return get(token, uri, vars).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }
}
