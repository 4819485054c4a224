package com.mallservicedesk.intake;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Numbers typed into a request's free text follow the phone field's rule (the kit's ContactDisclosure). */
class FreeTextPhoneDisclosureTest extends IntakeIntegrationTest {

    @Test
    @DisplayName("seed 001 篇3 §8: a number in the description is masked for everyone who sees the phone field masked")
    void numbersInTheDescriptionFollowThePhoneRule() {
        String mall = newMall();
        String id = (String) register(mall, Map.of("channel", "PHONE", "kind", "REPAIR",
                "description", "水管漏水,請打 13900002222 或 0551-5112076 聯系,訂單 202611261380000123456",
                "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER"))).get("id");

        get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody().jsonPath("$.description")
                .isEqualTo("水管漏水,請打 13900002222 或 0551-5112076 聯系,訂單 202611261380000123456");
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests/{id}", mall, id).expectStatus().isOk()
                .expectBody().jsonPath("$.customer.phone").isEqualTo("138****0000")
                .jsonPath("$.description")
                .isEqualTo("水管漏水,請打 139****2222 或 055****2076 聯系,訂單 202611261380000123456")
                .jsonPath("$.id").isEqualTo(id);
        get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests?q=水管", mall).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].description")
                .isEqualTo("水管漏水,請打 139****2222 或 055****2076 聯系,訂單 202611261380000123456");
    }
}
