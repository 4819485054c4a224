package com.mallservicedesk.intake;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.PlatformServiceTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One shared context for every intake test: the whole service against the real broker and MongoDB-wire server. */
@PlatformServiceTest
@Import(TestHostResolver.class)
@TestPropertySource(properties = {
        "platform.timers.poll-interval=PT0.2S",
        "intake.notices.retry-interval=PT0.4S",
        "intake.notices.gateway-timeout=PT2S",
        "resilience4j.retry.configs.messageGateway.wait-duration=PT0.05S",
        "resilience4j.circuitbreaker.configs.messageGateway.wait-duration-in-open-state=PT1S"})
public abstract class IntakeIntegrationTest {

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

    protected static String newMall() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected WebTestClient.ResponseSpec post(String token, String uri, Object body, Object... vars) {
        return web.post().uri(uri, vars)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(h -> h.setBearerAuth(token)).exchange();
    }

    protected WebTestClient.ResponseSpec put(String token, String uri, Object body, Object... vars) {
        return web.put().uri(uri, vars)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected static String manager(String mallId) {
        return TestTokens.token("manager-" + mallId, List.of(mallId), List.of("MANAGER"), null);
    }

    protected Map<String, Object> register(String mallId, Map<String, Object> body) {
        return post(TestTokens.frontDesk(mallId), "/api/v1/malls/{mall}/requests", body, mallId)
                .expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    protected Map<String, Object> repair(String mallId, String floor, String zone, String phone) {
        return register(mallId, Map.of("channel", "PHONE", "kind", "REPAIR", "description", "水管漏水 " + UUID.randomUUID(),
                "location", Map.of("floor", floor, "zone", zone),
                "customer", Map.of("name", "王小姐", "phone", phone, "type", "SHOPPER")));
    }

    /** The ids of the requests the reception log's free-text search {@code q} finds, in its order. */
    @SuppressWarnings("unchecked")
    protected List<String> searchIds(String token, String mallId, String q) {
        var page = get(token, "/api/v1/malls/{mall}/requests?q=" + q, mallId).expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
    }

    protected Map<String, Object> request(String mallId, String id) {
        return get(TestTokens.frontDesk(mallId), "/api/v1/malls/{mall}/requests/{id}", mallId, id)
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    /** Publishes an event as another service would, with the CloudEvents headers of the contract. */
    protected String sendEvent(String topic, String type, String mallId, String requestId, String subject, String data)
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        sendEvent(new PendingEvent(eventId, type, topic, requestId, subject, mallId, requestId, Instant.now(), data));
        return eventId;
    }

    protected void sendEvent(PendingEvent event) throws Exception {
        kafka.send(new ProducerRecord<>(event.topic(), null, event.key(), event.data(),
                CloudEventHeaders.of(event, "/mall-service-desk/test"))).get();
    }

    /**
     * The distinct events (by {@code ce_id}) of one type and key. Delivery is at least once: the outbox may send an
     * event again, with the same id, which consumers drop; what must not happen is a second event.
     */
    protected static List<ConsumerRecord<String, String>> ofType(List<ConsumerRecord<String, String>> records, String key,
                                                                  String type) {
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        records.stream()
                .filter(r -> key.equals(r.key()) && type.equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE)))
                .forEach(r -> byId.putIfAbsent(CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID), r));
        return List.copyOf(byId.values());
    }

    protected static Duration shortly() {
        return Duration.ofSeconds(15);
    }
}
