package com.mallservicedesk.dispatch;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import com.mallservicedesk.platform.test.MovableClock;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.PlatformServiceTest;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One shared context for all dispatch-service tests: the whole service against the test broker and MongoDB-wire server. */
@PlatformServiceTest
@Import(DispatchIntegrationTest.Clocks.class)
// A mall intake has not described is a campus here (24-hour duty, seed 001 §二.1): the tests' clock is the real time of
// day plus what they advanced it by, so they count elapsed time unless a test gives its mall or department hours.
// MallCalendarTest covers the production default (12 h desk hours of a mall, seed 000 §3.1.1).
@TestPropertySource(properties = {"dispatch.metrics.refresh-interval=PT0.5S", "dispatch.console.poll-interval=PT0.3S",
        "platform.timers.poll-interval=PT0.3S", "dispatch.default-site-kind=CAMPUS"})
public abstract class DispatchIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    protected org.springframework.core.env.Environment environment;

    protected static final String REQUESTS = "intake.requests.v1";
    protected static final String CALLBACKS = "callback.callbacks.v1";
    protected static final String WORK_ORDERS = "dispatch.work-orders.v1";
    protected static final String MALLS = "intake.malls.v1";
    protected static final String NOTICES = "intake.notices.v1";
    protected static final String NOTIFICATIONS = "dispatch.notifications.v1";
    private static TopicProbe published;

    static {
        // Events cross the broker and a listener before they show: allow for a slow, busy machine.
        org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    protected static String newMall() {
        return "DS" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends intake's registered event as intake would and returns the request id. */
    protected String register(String mall, String kind, String channel, String floor, String zone) {
        return register(mall, kind, channel, floor, zone, "REGISTERED");
    }

    protected String register(String mall, String kind, String channel, String floor, String zone, String status) {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("number", mall + "-20261124-0001");
        data.put("channel", channel);
        data.put("kind", kind);
        data.put("description", "三樓女洗手間水龍頭漏水");
        data.put("location", Map.of("floor", floor, "zone", zone));
        data.put("customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER"));
        data.put("receivedAt", Instant.now().toString());
        data.put("acceptedAt", clock.instant().toString());
        data.put("status", status);
        data.put("priority", "NORMAL");
        send(REQUESTS, "mall.intake.request.registered.v1", mall, requestId, requestId, data);
        return requestId;
    }

    protected PendingEvent send(String topic, String type, String mall, String subject, String requestId, Object data) {
        return TestEvents.send(kafka, topic, type, mall, subject, requestId, json.writeValueAsString(data));
    }

    protected Map<String, Object> awaitOrder(String mall, String workOrderId) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> web.get()
                .uri("/api/v1/malls/{mall}/work-orders/{id}", mall, workOrderId)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody().blockFirst(), order -> order != null && order.containsKey("requestId"));
    }

    /** Waits until the consumer has handled the event (its processed-event record is stored): nothing more will come of it. */
    protected void awaitHandled(String consumer, PendingEvent event) {
        await().until(() -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(consumer + "/" + event.eventId())),
                com.mallservicedesk.platform.inbox.ProcessedEvent.class).block());
    }

    /**
     * Waits until the consumer group has handled everything on the event's topic, the event included: for handlers
     * registered as repeatable, which leave no processed-event record.
     */
    protected void awaitConsumed(String group, PendingEvent event) {
        String bootstrap = environment.getRequiredProperty("spring.kafka.bootstrap-servers");
        await().until(() -> com.mallservicedesk.platform.test.ConsumerGroups.caughtUp(bootstrap, group, event.topic()));
    }

    protected static String manager(String mall) {
        return TestTokens.token("manager-" + mall, List.of(mall), List.of("MANAGER"), null);
    }

    /** A member of department staff whose token names no department ({@code dept} claim missing). */
    protected static String staffWithoutDepartment(String mall) {
        return TestTokens.token("staff-nodept-" + mall, List.of(mall), List.of("DEPT_STAFF"), null);
    }

    protected Map<String, Object> order(String mall, String workOrderId) {
        return web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mall, workOrderId)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec act(String mall, String token, String workOrderId, String action, Object body) {
        var request = web.post().uri("/api/v1/malls/{mall}/work-orders/{id}/{action}", mall, workOrderId, action)
                .headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected void putDepartment(String mall, String code, Map<String, Object> calendar) {
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, code)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", code, "calendar", calendar,
                        "head", Map.of("role", "DEPARTMENT_HEAD", "name", "李主管", "phone", "13900000001")))
                .exchange().expectStatus().isOk();
    }

    protected static Map<String, Object> aroundTheClock() {
        return Map.of("zone", "Asia/Shanghai", "alwaysOpen", true);
    }

    /** Every distinct work-order event published so far about one work order, oldest first. */
    protected List<Published> publishedAbout(String workOrderId) {
        synchronized (DispatchIntegrationTest.class) {
            if (published == null) {
                published = TopicProbe.on(WORK_ORDERS);
            }
        }
        // Delivery is at least once: like every consumer, count an event id once.
        var seen = new java.util.HashSet<String>();
        return published.records().stream()
                .filter(r -> workOrderId.equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.SUBJECT)))
                .filter(r -> seen.add(CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID)))
                .map(this::toPublished)
                .toList();
    }

    protected List<Published> publishedAbout(String workOrderId, String type) {
        return publishedAbout(workOrderId).stream().filter(p -> p.type().equals(type)).toList();
    }

    private Published toPublished(ConsumerRecord<String, String> record) {
        return new Published(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE), record.key(),
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.MALL_ID), json.readTree(record.value()),
                record.value());
    }

    protected record Published(String type, String key, String mallId, JsonNode data, String raw) {
    }

    protected String prometheus() {
        return ManagementEndpoints.prometheus(environment);
    }
}
