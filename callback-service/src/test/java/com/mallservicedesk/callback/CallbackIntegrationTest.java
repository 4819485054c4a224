package com.mallservicedesk.callback;

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
import java.time.ZoneId;
import java.util.HashSet;
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

/**
 * One shared context for all callback-service tests: the whole service against the test broker and MongoDB-wire
 * server, with a clock tests can move forward. Event times are taken from that clock, so a test that moves it does
 * not make another test's fresh callbacks overdue.
 */
@PlatformServiceTest
@Import(CallbackIntegrationTest.Clocks.class)
@TestPropertySource(properties = {"platform.timers.poll-interval=PT0.3S"})
public abstract class CallbackIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    protected org.springframework.core.env.Environment environment;

    protected static final String CALLBACKS = "callback.callbacks.v1";
    protected static final String WORK_ORDERS = "dispatch.work-orders.v1";
    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
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

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    protected static String newMall() {
        return "CB" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Completed work as dispatch publishes it: a phone customer, the given round, completed at the given time. */
    protected PendingEvent completeWork(String mall, String requestId, String kind, int round, Instant completedAt) {
        Map<String, Object> customer = Map.of("name", "陳先生", "phone", "13900000000");
        return completeWork(mall, requestId, kind, round, completedAt, customer, "ENGINEERING");
    }

    protected PendingEvent completeWork(String mall, String requestId, String kind, int round, Instant completedAt,
                                        Map<String, Object> customer, String department) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workOrderId", "wo-" + requestId);
        data.put("requestId", requestId);
        data.put("requestNumber", mall + "-20261120-0001");
        data.put("kind", kind);
        data.put("department", department);
        data.put("summary", "換閥芯");
        data.put("orderedAt", completedAt.minus(Duration.ofHours(2)).toString());
        data.put("completedAt", completedAt.toString());
        data.put("workTime", "PT2H");
        data.put("round", round);
        data.put("status", "COMPLETED");
        if (customer != null) {
            data.put("customer", customer);
        }
        return TestEvents.send(kafka, WORK_ORDERS, "mall.dispatch.work-order.completed.v1", mall, "wo-" + requestId,
                requestId, json.writeValueAsString(data));
    }

    /** Intake's registration of a request, as callback-service reads it (whether the customer is internal). */
    protected void registerRequest(String mall, String requestId, String kind, String channel, String customerType,
                                   String tenantId) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "林小姐");
        customer.put("type", customerType);
        customer.put("tenantId", tenantId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("number", mall + "-20261120-0002");
        data.put("channel", channel);
        data.put("kind", kind);
        data.put("description", "內部報修");
        data.put("customer", customer);
        data.put("status", "REGISTERED");
        TestEvents.send(kafka, "intake.requests.v1", "mall.intake.request.registered.v1", mall, requestId, requestId,
                json.writeValueAsString(data));
    }

    /**
     * Intake's mall settings (contract C1) as intake publishes them on {@code intake.malls.v1}: the given revision, zone,
     * kind of site and desk calendar (as its JSON; null leaves it out).
     */
    protected PendingEvent mallSettings(String mall, long revision, String zone, String siteKind, Map<String, Object> deskHours) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mallId", mall);
        data.put("revision", revision);
        data.put("timeZone", zone);
        data.put("siteKind", siteKind);
        if (deskHours != null) {
            data.put("deskHours", deskHours);
        }
        data.put("changedAt", clock.instant().toString());
        return TestEvents.send(kafka, "intake.malls.v1", "mall.intake.mall-settings.changed.v1", mall, mall, mall,
                json.writeValueAsString(data));
    }

    /** A desk calendar's JSON as C1 carries it: the same shift every day. */
    protected static Map<String, Object> dailyDesk(String zone, String open, String close) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", open, "close", close));
        }
        return Map.of("zone", zone, "alwaysOpen", false, "hours", hours, "holidays", List.of(), "makeUpDays", Map.of());
    }

    /** The mall's callback policy as a supervisor reads it. */
    protected WebTestClient.BodyContentSpec policy(String mall) {
        return web.get().uri("/api/v1/malls/{mall}/callback-policy", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk().expectBody();
    }

    /** An address sent exactly as written (no encoding of %, .. or control escapes), for requests a client got wrong. */
    protected java.net.URI raw(String pathAndQuery) {
        return java.net.URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected static String callbackIdFor(String requestId, int round) {
        return "cb-wo-" + requestId + "-" + round;
    }

    /** The callback as the front desk sees it, once it exists. */
    protected Map<String, Object> awaitCallback(String mall, String id) {
        return await().until(() -> web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody().blockFirst(), c -> c != null && id.equals(c.get("id")));
    }

    protected Map<String, Object> callback(String mall, String id) {
        return web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec post(String mall, String token, String path, Object body) {
        return web.post().uri("/api/v1/malls/{mall}/callbacks" + path, mall)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec answer(String mall, String id, Map<String, Object> answers) {
        return post(mall, TestTokens.frontDesk(mall), "/" + id + "/result", answers);
    }

    protected WebTestClient.ResponseSpec attempt(String mall, String id, Map<String, Object> attempt) {
        return post(mall, TestTokens.frontDesk(mall), "/" + id + "/attempts", attempt);
    }

    protected static Map<String, Object> repairAnswers(String timeliness, String attitude, String quality) {
        return Map.of("method", "PHONE", "timeliness", timeliness, "attitude", attitude, "quality", quality);
    }

    /** Every distinct event published on the callbacks topic about one subject, oldest first. */
    protected List<Published> publishedAbout(String subject) {
        synchronized (CallbackIntegrationTest.class) {
            if (published == null) {
                published = TopicProbe.on(CALLBACKS);
            }
        }
        // Delivery is at least once: like every consumer, count an event id once.
        var seen = new HashSet<String>();
        return published.records().stream()
                .filter(r -> subject.equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.SUBJECT)))
                .filter(r -> seen.add(CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID)))
                .map(this::toPublished)
                .toList();
    }

    protected List<Published> publishedAbout(String subject, String type) {
        return publishedAbout(subject).stream().filter(p -> p.type().equals(type)).toList();
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
