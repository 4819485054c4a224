package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantDirectoryTest extends IntakeIntegrationTest {

    @Test
    void storesAreCreatedUpdatedAndListedAndEveryChangeIsPublishedWithoutContacts() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.tenants.v1")) {
            var created = post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants", Map.of(
                    "name", "星巴克咖啡", "kind", "COUNTER", "floor", "1F", "zone", "A", "unit", "A-101",
                    "contacts", List.of(Map.of("name", "店長張三", "phone", "13512345678", "role", "店長"))), mall)
                    .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
            String id = (String) created.get("id");
            assertThat(created).containsEntry("active", true).containsEntry("kind", "COUNTER");

            web.put().uri("/api/v1/malls/{mall}/tenants/{id}", mall, id)
                    .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                    .bodyValue(Map.of("name", "星巴克臻選", "kind", "ANCHOR_STORE", "floor", "1F", "zone", "B",
                            "active", false))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("星巴克臻選").jsonPath("$.active").isEqualTo(false)
                    .jsonPath("$.contacts.length()").isEqualTo(0);

            await().atMost(shortly()).untilAsserted(() -> {
                var records = probe.records();
                assertThat(ofType(records, id, "mall.intake.tenant.registered.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"name\":\"星巴克咖啡\"").contains("\"kind\":\"COUNTER\"")
                                .contains("\"floor\":\"1F\"").doesNotContain("13512345678"));
                assertThat(ofType(records, id, "mall.intake.tenant.updated.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"kind\":\"ANCHOR_STORE\"").contains("\"active\":false"));
            });
        }
    }

    @Test
    void theDirectoryListsByFloorKindAndActivity() {
        String mall = newMall();
        tenant(mall, "優衣庫", "ANCHOR_STORE", "2F", "A");
        tenant(mall, "周大福", "COUNTER", "1F", "B");
        tenant(mall, "屈臣氏", "COUNTER", "1F", "C");

        get(TestTokens.deptStaff(mall, "ENGINEERING"), "/api/v1/malls/{mall}/tenants?floor=1F", mall)
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].name").isEqualTo("周大福");
        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants?kind=ANCHOR_STORE", mall)
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].name").isEqualTo("優衣庫");
    }

    @Test
    void badStoresAreRefusedFieldByField() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants",
                Map.of("name", "", "kind", "COUNTER", "contacts", List.of(Map.of("name", "x", "phone", "abc"))), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("name", "floor", "contacts[0].phone"));
        post(TestTokens.deptStaff(mall, "ENGINEERING"), "/api/v1/malls/{mall}/tenants",
                Map.of("name", "x", "kind", "COUNTER", "floor", "1F"), mall).expectStatus().isForbidden();
    }

    String tenant(String mall, String name, String kind, String floor, String zone) {
        return (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants",
                Map.of("name", name, "kind", kind, "floor", floor, "zone", zone,
                        "contacts", List.of(Map.of("name", name + "店長", "phone", "13511112222"))), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }
}
