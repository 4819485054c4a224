package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class RequestRegistrationTest extends IntakeIntegrationTest {

    @Test
    void aCounterRegistrationIsNumberedOwnedAndPublishedReadyForDispatch() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String text = "三樓女洗手間水龍頭漏水,麻烦尽快处理 🚰😀 " + "長".repeat(1900);
            var created = register(mall, Map.of("channel", "VISIT", "kind", "REPAIR", "description", text,
                    "category", "給排水", "priority", "HIGH",
                    "location", Map.of("floor", "3F", "zone", "B", "unit", "B-312"),
                    "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER")));
            String id = (String) created.get("id");

            assertThat((String) created.get("number")).matches(mall + "-\\d{8}-0001");
            assertThat(created.get("description")).isEqualTo(text);
            assertThat(created.get("status")).isEqualTo("REGISTERED");
            assertThat(created.get("priority")).isEqualTo("HIGH");
            assertThat(((Map<?, ?>) created.get("owner")).get("id")).isEqualTo("front-desk-" + mall);
            assertThat(request(mall, id).get("description")).isEqualTo(text);

            await().atMost(shortly()).untilAsserted(() -> {
                var registered = ofType(probe.records(), id, "mall.intake.request.registered.v1");
                assertThat(registered).hasSize(1);
                assertThat(registered.get(0).value()).contains("\"priority\":\"HIGH\"").contains("\"status\":\"REGISTERED\"")
                        .contains("13800000000").contains("🚰😀");
            });
        }
    }

    @Test
    void numbersCountUpPerMallAndDay() {
        String mall = newMall();
        String first = (String) repair(mall, "1F", "A", "13900000001").get("number");
        String second = (String) repair(mall, "2F", "A", "13900000002").get("number");
        String otherMall = (String) repair(newMall(), "1F", "A", "13900000003").get("number");

        assertThat(first).endsWith("-0001");
        assertThat(second).endsWith("-0002").startsWith(first.substring(0, first.length() - 4));
        assertThat(otherMall).endsWith("-0001");
    }

    @Test
    void aConsultationAnsweredOnTheSpotIsClosedAtOnceAndSaysSo() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            var created = register(mall, Map.of("channel", "PHONE", "kind", "CONSULTATION", "description", "停車場幾點關門?", "anonymous", true,
                    "answeredOnSpot", true, "answer", "晚上十一點"));
            String id = (String) created.get("id");

            assertThat(created.get("status")).isEqualTo("CLOSED");
            assertThat(created.get("closeReason")).isEqualTo("ANSWERED_ON_SPOT");
            assertThat(created.get("answer")).isEqualTo("晚上十一點");
            await().atMost(shortly()).untilAsserted(() -> {
                var records = probe.records();
                assertThat(ofType(records, id, "mall.intake.request.registered.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"status\":\"CLOSED\""));
                assertThat(ofType(records, id, "mall.intake.request.closed.v1")).singleElement()
                        .satisfies(r -> assertThat(r.value()).contains("\"reason\":\"ANSWERED_ON_SPOT\""));
            });
        }
    }

    @Test
    void onlyAConsultationWithAnAnswerCanBeClosedOnTheSpot() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests",
                Map.of("channel", "PHONE", "kind", "REPAIR", "description", "燈壞了", "answeredOnSpot", true,
                        "anonymous", true), mall)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[?(@.field == 'answeredOnSpot')].code").isEqualTo("only-consultations")
                .jsonPath("$.errors[?(@.field == 'answer')].code").isEqualTo("NotBlank");
        assertThat(storedRequests(mall)).isZero();
    }

    @Test
    void badInputNamesEveryBadFieldAndStoresNothing() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of(
                        "kind", "REPAIR",
                        "description", "x".repeat(2001),
                        "receivedAt", Instant.now().plusSeconds(3600).toString(),
                        "customer", Map.of("phone", "call me maybe")), mall)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("channel", "description", "receivedAt", "customer.phone"));
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests",
                Map.of("channel", "PIGEON", "kind", "REPAIR", "description", "?"), mall)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel");
        assertThat(storedRequests(mall)).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstRequestAndRegistersNothingNew() {
        String mall = newMall();
        String key = UUID.randomUUID().toString();
        var body = Map.<String, Object>of("channel", "PHONE", "kind", "COMPLAINT", "description", "店員態度差",
                "anonymous", true);
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            var first = web.post().uri("/api/v1/malls/{mall}/requests", mall)
                    .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).header("Idempotency-Key", key)
                    .bodyValue(body).exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
            var retry = web.post().uri("/api/v1/malls/{mall}/requests", mall)
                    .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).header("Idempotency-Key", key)
                    .bodyValue(body).exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();

            assertThat(retry.get("id")).isEqualTo(first.get("id"));
            assertThat(retry.get("number")).isEqualTo(first.get("number"));
            assertThat(storedRequests(mall)).isEqualTo(1);
            web.post().uri("/api/v1/malls/{mall}/requests", mall)
                    .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).header("Idempotency-Key", key)
                    .bodyValue(Map.of("channel", "PHONE", "kind", "COMPLAINT", "description", "另一件事", "anonymous", true))
                    .exchange().expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.code").isEqualTo("idempotency-key-reused");
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), (String) first.get("id"), "mall.intake.request.registered.v1")).hasSize(1));
        }
    }

    @Test
    void departmentStaffAndManagersCannotRegister() {
        String mall = newMall();
        post(TestTokens.deptStaff(mall, "ENGINEERING"), "/api/v1/malls/{mall}/requests",
                Map.of("channel", "PHONE", "kind", "REPAIR", "description", "x"), mall)
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    @DisplayName("seed 000 §4.3: a call or visit without the customer's name and contact is refused unless anonymous")
    void aCallOrVisitNeedsNameAndContactUnlessTheCustomerStaysAnonymous() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "VISIT", "kind", "COMPLAINT",
                "description", "店員態度差", "customer", Map.of("name", "王小姐")), mall)
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.code").isEqualTo("customer-contact-required")
                .jsonPath("$.errors[0].field").isEqualTo("customer.phone")
                .jsonPath("$.errors[0].code").isEqualTo("required-unless-anonymous")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("VISIT", "customer.phone"));
        web.post().uri("/api/v1/malls/{mall}/requests", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .header("Accept-Language", "en")
                .bodyValue(Map.of("channel", "PHONE", "kind", "REPAIR", "description", "燈壞了")).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.title").isEqualTo("Customer name and contact required")
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("customer.name", "customer.phone"));
        assertThat(storedRequests(mall)).isZero();

        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            var anonymous = register(mall, Map.of("channel", "PHONE", "kind", "COMPLAINT", "description", "廣播太吵",
                    "anonymous", true));
            assertThat(anonymous.get("anonymous")).isEqualTo(true);
            assertThat(request(mall, (String) anonymous.get("id")).get("anonymous")).isEqualTo(true);
            await().atMost(shortly()).untilAsserted(() -> assertThat(ofType(probe.records(), (String) anonymous.get("id"),
                    "mall.intake.request.registered.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"anonymous\":true")));
        }
        // Intercom and patrol reports come from staff: no customer needed.
        register(mall, Map.of("channel", "INTERCOM", "kind", "REPAIR", "description", "B1 照明故障"));
    }

    @Test
    @DisplayName("seed 004 信息治理: major and related departments are checked and published for dispatch (C2)")
    void majorAndRelatedDepartmentsAreCheckedAndPublished() {
        String mall = newMall();
        var customer = Map.of("name", "王小姐", "phone", "13800000000");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "COMPLAINT",
                "description", "x", "customer", customer, "relatedDepartments",
                java.util.Collections.nCopies(11, "SECURITY")), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("relatedDepartments");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests", Map.of("channel", "PHONE", "kind", "COMPLAINT",
                "description", "x", "customer", customer, "relatedDepartments", List.of("security; drop")), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").value(f -> assertThat((String) f).startsWith("relatedDepartments"));
        assertThat(storedRequests(mall)).isZero();

        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            var created = register(mall, Map.of("channel", "PHONE", "kind", "COMPLAINT", "description", "扶梯夾傷顧客",
                    "customer", customer, "major", true, "relatedDepartments", List.of("SECURITY", "ENGINEERING")));
            assertThat(created.get("major")).isEqualTo(true);
            assertThat(created.get("relatedDepartments")).isEqualTo(List.of("SECURITY", "ENGINEERING"));
            await().atMost(shortly()).untilAsserted(() -> assertThat(ofType(probe.records(), (String) created.get("id"),
                    "mall.intake.request.registered.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"major\":true", "\"anonymous\":false",
                            "\"relatedDepartments\":[\"SECURITY\",\"ENGINEERING\"]")));
        }
    }

    private long storedRequests(String mall) {
        return mongo.count(Query.query(Criteria.where("mallId").is(mall)), Document.class, "requests").block();
    }
}
