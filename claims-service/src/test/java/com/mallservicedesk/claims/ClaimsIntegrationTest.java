package com.mallservicedesk.claims;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.test.PlatformServiceTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One shared context for every claims test: the whole service against the real broker and MongoDB-wire server. */
@PlatformServiceTest
@TestPropertySource(properties = {
        "platform.timers.poll-interval=PT0.2S",
        "claims.metrics.refresh-interval=PT0.2S",
        "claims.insurer.allow-insecure-loopback=true",
        "claims.insurer.timeout=PT2S",
        "claims.insurer.retry-interval=PT0.3S",
        "claims.insurer.max-retry-interval=PT0.6S",
        "claims.insurer.attempt-lease=PT3S",
        "claims.evidence.max-file-size=1MB",
        "resilience4j.retry.configs.insurer.wait-duration=PT0.05S",
        "resilience4j.circuitbreaker.configs.insurer.wait-duration-in-open-state=PT1S"})
public abstract class ClaimsIntegrationTest {

    protected static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    /** For the management port's metrics (ManagementEndpoints). */
    @Autowired
    protected org.springframework.core.env.Environment environment;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;

    /** An address sent exactly as written (no encoding of %, .. or control escapes), for requests a client got wrong. */
    protected java.net.URI raw(String pathAndQuery) {
        return java.net.URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected static String newMall() {
        return "CL" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String manager(String mall) {
        return TestTokens.token("manager-" + mall, List.of(mall), List.of("MANAGER"), null);
    }

    protected static String frontDesk(String mall) {
        return TestTokens.frontDesk(mall);
    }

    protected WebTestClient.ResponseSpec post(String token, String uri, Object body, Object... vars) {
        return web.post().uri(uri, vars).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec put(String token, String uri, Object body, Object... vars) {
        return web.put().uri(uri, vars).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(h -> h.setBearerAuth(token)).exchange();
    }

    protected static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(MAP).returnResult().getResponseBody();
    }

    /** Everything the report to the insurer needs (seed 000 §第三條 4.2.2), for a slip near the escalator. */
    protected static Map<String, Object> slipFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("occurredAt", Instant.now().minus(Duration.ofMinutes(30)).toString());
        facts.put("location", Map.of("floor", "1F", "zone", "Atrium"));
        facts.put("placeDescription", "中庭扶梯东侧");
        facts.put("category", "SLIP");
        facts.put("warningSignUp", true);
        facts.put("account", "顾客李女士在中庭扶梯旁地面湿滑处滑倒,右手腕受伤。");
        facts.put("parties", List.of(Map.of("name", "保洁员张师傅", "role", "当值保洁")));
        facts.put("injured", List.of(Map.of("name", "李梅", "idNumber", "110101199003071234", "employer", "某某科技公司",
                "injury", "右手腕扭伤")));
        facts.put("thirdParties", List.of(Map.of("name", "路人王先生", "contact", "13900001111")));
        facts.put("damagedBelongings", List.of(Map.of("owner", "李梅", "item", "手机", "damage", "屏幕碎裂",
                "estimatedValueCny", "800.00")));
        facts.put("damage", "右手腕扭伤,手机屏幕碎裂");
        facts.put("estimatedLossCny", "3500.50");
        return facts;
    }

    /** Registers an incident directly and returns the claim. */
    protected Map<String, Object> register(String mall, Map<String, Object> facts) {
        return body(post(frontDesk(mall), "/api/v1/malls/{mall}/claims", facts, mall).expectStatus().isCreated());
    }

    protected Map<String, Object> claim(String mall, String id) {
        return body(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}", mall, id).expectStatus().isOk());
    }

    /** Marks every checklist item of the stage done (the police not applicable), as the supervisor. */
    protected void finishChecklist(String mall, String id, ClaimStage stage) {
        for (ChecklistItem item : ChecklistItem.of(stage)) {
            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/checklist/{item}",
                    Map.of("status", item == ChecklistItem.POLICE_INFORMED ? "NOT_APPLICABLE" : "DONE", "note", "已处理"),
                    mall, id, item.name()).expectStatus().isOk();
        }
    }

    /** Moves the claim as the supervisor: {@code {"stage": …}}, with the outcome to archive it. */
    protected WebTestClient.ResponseSpec moveStage(String mall, String id, Map<String, Object> move) {
        return post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/stage", move, mall, id);
    }

    /** The distinct events (by ce_id) of one type and key: delivery is at least once. */
    protected static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records, String key,
                                                                  String type) {
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        records.stream()
                .filter(r -> key.equals(r.key()) && type.equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE)))
                .forEach(r -> byId.putIfAbsent(CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID), r));
        return List.copyOf(byId.values());
    }

    protected static Duration shortly() {
        return Duration.ofSeconds(20);
    }
}
