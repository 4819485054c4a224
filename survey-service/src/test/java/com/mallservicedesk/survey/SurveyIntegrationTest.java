package com.mallservicedesk.survey;

import com.mallservicedesk.platform.test.ManagementEndpoints;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.PlatformServiceTest;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One shared context for all survey-service integration tests: the whole service against the test broker and
 * MongoDB-wire server. Inputs are produced as the real services produce them (CloudEvents shaped like their events)
 * through {@link SurveyEvents}.
 */
@PlatformServiceTest
@TestPropertySource(properties = {"survey.metrics.refresh-interval=PT0.5S", "platform.timers.poll-interval=PT0.3S"})
public abstract class SurveyIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    protected org.springframework.core.env.Environment environment;

    protected static final String SURVEY_TOPIC = "survey.satisfaction.v1";
    private static TopicProbe published;

    static {
        // Events cross the broker and a listener before they show: allow for a slow, busy machine.
        org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(200));
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JsonMapper json;

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;

    /** An address sent exactly as written (no encoding of %, .. or control escapes), for requests a client got wrong. */
    protected java.net.URI raw(String pathAndQuery) {
        return java.net.URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected static String newMall() {
        return "SV" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected SurveyEvents events(String mall) {
        return new SurveyEvents(this, mall);
    }

    protected PendingEvent send(String topic, String type, String mall, String subject, String requestId,
                                Map<String, Object> data) {
        return TestEvents.send(kafka, topic, type, mall, subject, requestId, json.writeValueAsString(data));
    }

    /** Sends with a chosen event time ({@code ce_time}), for consumers that order by it. */
    protected PendingEvent sendAt(java.time.Instant time, String topic, String type, String mall, String subject,
                                  String requestId, Map<String, Object> data) {
        return TestEvents.resend(kafka, new PendingEvent(UUID.randomUUID().toString(), type, topic, requestId, subject,
                mall, requestId, time, json.writeValueAsString(data)));
    }

    protected static String manager(String mall) {
        return TestTokens.token("manager-" + mall, List.of(mall), List.of("MANAGER"), null);
    }

    protected static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Every distinct event survey published so far, oldest first. */
    protected List<Published> published() {
        synchronized (SurveyIntegrationTest.class) {
            if (published == null) {
                published = TopicProbe.on(SURVEY_TOPIC);
            }
        }
        var seen = new HashSet<String>();
        return published.records().stream()
                .filter(r -> seen.add(CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID)))
                .map(r -> new Published(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE),
                        CloudEventHeaders.read(r.headers(), CloudEventHeaders.MALL_ID),
                        CloudEventHeaders.read(r.headers(), CloudEventHeaders.SUBJECT), json.readTree(r.value())))
                .toList();
    }

    protected List<Published> published(String mall, String type) {
        return published().stream().filter(p -> mall.equals(p.mallId()) && type.equals(p.type())).toList();
    }

    protected record Published(String type, String mallId, String subject, JsonNode data) {
    }

    protected String prometheus() {
        return ManagementEndpoints.prometheus(environment);
    }
}
