package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import com.mallservicedesk.platform.store.IncrementsOnce;
import com.mallservicedesk.platform.store.TimeKeys;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Outage notices through a real HTTP gateway stub, including the gateway failing and recovering. */
class NoticeDeliveryTest extends IntakeIntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyAffectedStoreGetsTheNoticeAndDepartmentsGetTheEvent() {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub(); TopicProbe probe = TopicProbe.on("intake.notices.v1")) {
            useGateway(mall, gateway.url());
            String a = tenant(mall, "周大福", "1F", "A", true);
            String b = tenant(mall, "屈臣氏", "1F", "B", true);
            tenant(mall, "已撤場店鋪", "1F", "A", false);
            tenant(mall, "優衣庫", "2F", "A", true);

            var notice = publish(mall, Map.of("kind", "POWER", "floors", List.of("1F"), "startsAt", inHours(2),
                    "endsAt", inHours(4), "message", "明日 10:00-12:00 一樓配電檢修停電,請提前做好準備。"));
            String noticeId = (String) notice.get("id");
            assertThat(notice).containsEntry("recipients", 2);
            assertThat(tenantIds(mall, noticeId)).containsExactlyInAnyOrder(a, b);

            await().atMost(shortly()).untilAsserted(() -> assertThat(states(mall, noticeId)).containsOnly("SENT").hasSize(2));
            assertThat(gateway.accepted()).hasSize(2).allSatisfy(call -> assertThat(call.body())
                    .contains("一樓配電檢修停電").contains("\"kind\":\"POWER\"").contains("13511112222").contains("/ack"));
            await().atMost(shortly()).untilAsserted(() -> assertThat(probe.records()).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo(noticeId);
                assertThat(r.value()).contains("\"floors\":[\"1F\"]").contains("\"kind\":\"POWER\"").contains("\"recipients\":2");
            }));
            assertThat(meters.find("msd.intake.notice.deliveries").tags("mall", mall, "state", "SENT").counter().count())
                    .isEqualTo(2.0);

            String deliveryId = noticeId + ":" + a;
            for (int i = 0; i < 2; i++) {
                post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries/{d}/ack", Map.of(), mall,
                        noticeId, deliveryId)
                        .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED");
            }
            get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/notices/{id}", mall, noticeId)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.deliveryCounts.ACKNOWLEDGED").isEqualTo(1)
                    .jsonPath("$.deliveryCounts.SENT").isEqualTo(1);
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries/{d}/ack", Map.of(), mall,
                    noticeId, "nope").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("delivery-not-found");
        }
    }

    @Test
    void aGatewayThatIsDownIsRetriedUntilItRecoversAndNoDeliveryIsLost() {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            List<String> tenants = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tenants.add(tenant(mall, "店鋪" + i, "B1", "Z", true));
            }
            gateway.answer(503);

            String noticeId = (String) publish(mall, Map.of("kind", "WATER", "floors", List.of("B1"),
                    "startsAt", inHours(1), "endsAt", inHours(3), "message", "B1 停水")).get("id");

            await().atMost(shortly()).untilAsserted(() -> {
                var deliveries = deliveries(mall, noticeId);
                assertThat(deliveries).hasSize(3).allSatisfy(d -> {
                    assertThat(d.get("state")).isEqualTo("FAILED");
                    assertThat(d.get("lastError")).isIn("gateway-unavailable", "gateway-circuit-open");
                });
                assertThat(deliveries).anySatisfy(d -> assertThat(d).containsEntry("lastError", "gateway-unavailable")
                        .containsEntry("lastHttpStatus", 503));
            });
            await().atMost(shortly()).untilAsserted(() -> assertThat(breaker(mall).getState())
                    .isEqualTo(CircuitBreaker.State.OPEN));
            int callsWhileDown = gateway.calls().size();
            assertThat(callsWhileDown).isGreaterThanOrEqualTo(3);

            gateway.answer(200);

            await().atMost(shortly()).untilAsserted(() -> assertThat(states(mall, noticeId)).containsOnly("SENT").hasSize(3));
            Map<String, Long> sentPerDelivery = gateway.accepted().stream()
                    .collect(Collectors.groupingBy(c -> c.body().replaceAll(".*\"deliveryId\":\"([^\"]+)\".*", "$1"),
                            Collectors.counting()));
            assertThat(sentPerDelivery).hasSize(3).allSatisfy((delivery, times) -> assertThat(times).isEqualTo(1));
            assertThat(deliveries(mall, noticeId)).allSatisfy(d -> assertThat((Integer) d.get("attempts")).isGreaterThan(1));
            await().atMost(shortly()).untilAsserted(() -> assertThat(breaker(mall).getState())
                    .isEqualTo(CircuitBreaker.State.CLOSED));
        }
    }

    @Test
    void anUnreachableGatewayLeavesDeliveriesFailedUntilTheMallPointsAtAWorkingOne() throws Exception {
        String mall = newMall();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        useGateway(mall, "http://127.0.0.1:" + closedPort + "/send");
        tenant(mall, "無印良品", "3F", "A", true);
        String noticeId = (String) publish(mall, Map.of("kind", "OTHER", "startsAt", inHours(1), "endsAt", inHours(2),
                "message", "消防演習")).get("id");

        await().atMost(shortly()).untilAsserted(() -> assertThat(deliveries(mall, noticeId)).singleElement().satisfies(d -> {
            assertThat(d.get("state")).isEqualTo("FAILED");
            // Our code only: not the refused port, not the exception.
            assertThat(d.get("lastError")).isIn("gateway-unreachable", "gateway-circuit-open");
            assertThat(d.get("lastHttpStatus")).isNull();
        }));

        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            await().atMost(shortly()).untilAsserted(() -> assertThat(states(mall, noticeId)).containsExactly("SENT"));
            assertThat(gateway.accepted()).hasSize(1);
        }
    }

    @Test
    void aNoticeStoredJustBeforeTheServiceStoppedStillReachesEveryStore() {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            String tenantId = tenant(mall, "海底撈", "5F", "A", true);
            // What a crash right after storing the notice leaves behind: the notice, and no delivery yet.
            String noticeId = "crashed-" + java.util.UUID.randomUUID();
            mongo.insert(new org.bson.Document("_id", noticeId).append("mallId", mall).append("kind", "WATER")
                    .append("floors", List.of("5F")).append("zones", List.of()).append("message", "五樓停水")
                    .append("startsAt", java.util.Date.from(Instant.now()))
                    .append("endsAt", java.util.Date.from(Instant.now().plusSeconds(60)))
                    .append("publishedAt", java.util.Date.from(Instant.now().minusSeconds(60)))
                    .append("publishedBy", "front-desk")
                    .append("recipients", List.of(new org.bson.Document("tenantId", tenantId).append("tenantName", "海底撈")))
                    .append("deliveriesCreated", false)
                    .append("deliveriesDue", TimeKeys.of(Instant.now().minusSeconds(50)) + "#" + noticeId), "notices").block();

            await().atMost(shortly()).untilAsserted(() -> assertThat(states(mall, noticeId)).containsExactly("SENT"));
            assertThat(gateway.accepted()).singleElement().satisfies(call -> assertThat(call.body()).contains("五樓停水"));
        }
    }

    /**
     * What a kill leaves between a delivery's state write and its count: the move stored in the delivery, applied
     * to the notice's counts or not yet. The sweep applies each once, and leaves a move written a moment ago to the
     * write's own applying.
     */
    @Test
    void aDeliveryChangeInterruptedBeforeItsCountIsCountedOnceBySweep() {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            for (String name : List.of("星巴克", "麥當勞", "肯德基")) {
                tenant(mall, name, "6F", "A", true);
            }
            String noticeId = (String) publish(mall, Map.of("kind", "OTHER", "floors", List.of("6F"), "startsAt", inHours(1),
                    "endsAt", inHours(2), "message", "六樓燃氣檢修")).get("id");
            await().atMost(shortly()).untilAsserted(() -> assertThat(states(mall, noticeId)).containsOnly("SENT").hasSize(3));
            await().atMost(shortly()).untilAsserted(() -> assertThat(deliveryCounts(mall, noticeId))
                    .containsEntry("SENT", 3).containsEntry("PENDING", 0));
            List<String> ids = deliveries(mall, noticeId).stream().map(d -> (String) d.get("id")).sorted().toList();
            assertThat(storedDeliveries(ids)).allSatisfy(d -> assertThat(d).doesNotContainKeys("countMoves", "countDue"));

            Instant twoMinutesAgo = Instant.now().minusSeconds(120);
            // Killed before the count: the move is in the delivery only.
            acknowledgedWithMove(ids.get(0), "move-" + ids.get(0), twoMinutesAgo);
            // Killed after the count, before the move's removal: the counts moved and noted the move.
            acknowledgedWithMove(ids.get(1), "move-" + ids.get(1), twoMinutesAgo);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)), new Update().inc("SENT", -1)
                    .inc("ACKNOWLEDGED", 1).set(IncrementsOnce.COUNTED + ".move-" + ids.get(1), true),
                    "notice_delivery_counts").block();
            // Written a moment ago: its own applying may still be under way.
            acknowledgedWithMove(ids.get(2), "move-" + ids.get(2), Instant.now().plusSeconds(60));

            await().atMost(shortly()).untilAsserted(() -> assertThat(storedDeliveries(ids.subList(0, 2)))
                    .allSatisfy(d -> assertThat(d).doesNotContainKeys("countMoves", "countDue")));
            assertThat(deliveryCounts(mall, noticeId)).containsEntry("ACKNOWLEDGED", 2).containsEntry("SENT", 1)
                    .containsEntry("PENDING", 0).containsEntry("FAILED", 0);
            assertThat(storedDeliveries(ids.subList(2, 3))).singleElement()
                    .satisfies(d -> assertThat(d).containsKeys("countMoves", "countDue"));
        }
    }

    @Test
    void aStoreMayAcknowledgeANoticeWhoseSendingFailedAndItIsCountedAcknowledgedOnly() {
        String mall = newMall();
        try (GatewayStub gateway = new GatewayStub()) {
            useGateway(mall, gateway.url());
            gateway.answer(503);
            String tenantId = tenant(mall, "無印良品", "7F", "A", true);
            String noticeId = (String) publish(mall, Map.of("kind", "WATER", "floors", List.of("7F"), "startsAt", inHours(1),
                    "endsAt", inHours(2), "message", "七樓停水")).get("id");
            await().atMost(shortly()).untilAsserted(() -> assertThat(states(mall, noticeId)).containsExactly("FAILED"));

            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries/{d}/ack", Map.of(), mall,
                    noticeId, noticeId + ":" + tenantId)
                    .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACKNOWLEDGED");

            assertThat(deliveryCounts(mall, noticeId)).containsEntry("ACKNOWLEDGED", 1).containsEntry("FAILED", 0)
                    .containsEntry("PENDING", 0).containsEntry("SENT", 0);
            assertThat(storedDeliveries(List.of(noticeId + ":" + tenantId))).singleElement()
                    .satisfies(d -> assertThat(d).doesNotContainKeys("countMoves", "countDue"));
        }
    }

    /** The state write of an acknowledgement and the move it stores, as a kill after that write leaves them. */
    private void acknowledgedWithMove(String deliveryId, String moveId, Instant writtenAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId)), new Update()
                .set("state", "ACKNOWLEDGED")
                .push("countMoves", new Document("id", moveId).append("from", "SENT").append("to", "ACKNOWLEDGED"))
                .set("countDue", TimeKeys.of(writtenAt) + "#" + deliveryId), "notice_deliveries").block();
    }

    private List<Document> storedDeliveries(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, "notice_deliveries").collectList()
                .block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deliveryCounts(String mall, String noticeId) {
        return (Map<String, Object>) get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/notices/{id}", mall, noticeId)
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("deliveryCounts");
    }

    @Test
    void aNoticeMustEndAfterItStartsAndNeedsAMessage() {
        String mall = newMall();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "POWER", "startsAt", inHours(3),
                "endsAt", inHours(1), "message", "x"), mall)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("endsAt");
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("kind", "GAS", "message", ""), mall)
                .expectStatus().isBadRequest();
        post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", Map.of("startsAt", inHours(1),
                "endsAt", inHours(2)), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("kind", "message"));
    }

    private CircuitBreaker breaker(String mall) {
        return breakers.circuitBreaker("message-gateway-" + mall, "messageGateway");
    }

    /** The stub is on 127.0.0.1 over http: the test profile's development switch admits it. */
    private void useGateway(String mall, String url) {
        web.put().uri("/api/v1/malls/{mall}/settings", mall).headers(h -> h.setBearerAuth(TestTokens.platformAdmin()))
                .bodyValue(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT30M", "timeZone", "Asia/Shanghai",
                        "gatewayUrl", url))
                .exchange().expectStatus().isOk();
    }

    private String tenant(String mall, String name, String floor, String zone, boolean active) {
        return (String) post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants",
                Map.of("name", name, "kind", "COUNTER", "floor", floor, "zone", zone, "active", active,
                        "contacts", List.of(Map.of("name", name + "店長", "phone", "13511112222"))), mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    private Map<String, Object> publish(String mall, Map<String, Object> body) {
        return post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices", body, mall)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(String mall, String noticeId) {
        return (List<Map<String, Object>>) get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/notices/{id}/deliveries",
                mall, noticeId).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("items");
    }

    private List<String> states(String mall, String noticeId) {
        return deliveries(mall, noticeId).stream().map(d -> (String) d.get("state")).toList();
    }

    private List<String> tenantIds(String mall, String noticeId) {
        return deliveries(mall, noticeId).stream().map(d -> (String) d.get("tenantId")).toList();
    }

    private static String inHours(int hours) {
        return Instant.now().plus(hours, ChronoUnit.HOURS).toString();
    }
}
