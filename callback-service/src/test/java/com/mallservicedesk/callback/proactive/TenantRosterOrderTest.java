package com.mallservicedesk.callback.proactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Intake's tenant events twice and out of order: the roster of the daily callbacks keeps each tenant as its latest
 * change (by event time) left it, so a closed store replayed as open is not called.
 */
class TenantRosterOrderTest extends CallbackIntegrationTest {

    private final String mall = newMall();

    @Autowired
    ReactiveMongoTemplate mongo;

    /** Every event of this test has the same record key: one partition, handled in the order sent. */
    private final String key = UUID.randomUUID().toString();

    private PendingEvent tenant(String type, String tenantId, boolean active, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", tenantId);
        data.put("name", "專櫃 " + tenantId);
        data.put("kind", "COUNTER");
        data.put("floor", "2F");
        data.put("active", active);
        return TestEvents.resend(kafka, new PendingEvent(UUID.randomUUID().toString(),
                "mall.intake.tenant." + type + ".v1", "intake.tenants.v1", key, tenantId, mall, key, at,
                json.writeValueAsString(data)));
    }

    private void afterEverythingSentSoFar() {
        String sentinel = mall + "-SENTINEL-" + UUID.randomUUID();
        tenant("registered", sentinel, true, Instant.now());
        await().untilAsserted(() -> assertThat(mongo.findById(mall, TenantRoster.class).block())
                .isNotNull().extracting(TenantRoster::getActive).asList()
                .anySatisfy(t -> assertThat(t.toString()).contains(sentinel)));
    }

    private boolean inRoster(String tenantId) {
        return mongo.findById(mall, TenantRoster.class).block().getActive().stream()
                .anyMatch(t -> t.tenantId().equals(tenantId));
    }

    @Test
    void aRegistrationReplayedAfterTheStoreClosedLeavesItClosed() {
        Instant opened = Instant.now().minus(Duration.ofDays(30));
        String store = mall + "-T01";
        PendingEvent registered = tenant("registered", store, true, opened);
        tenant("updated", store, false, opened.plus(Duration.ofDays(20)));

        TestEvents.resend(kafka, registered);
        tenant("registered", store, true, opened);
        afterEverythingSentSoFar();

        assertThat(inRoster(store)).isFalse();
    }

    @Test
    void theClosingArrivingBeforeTheRegistrationStillLeavesTheStoreClosed() {
        Instant opened = Instant.now().minus(Duration.ofDays(30));
        String store = mall + "-T02";
        tenant("updated", store, false, opened.plus(Duration.ofDays(20)));
        tenant("registered", store, true, opened);
        afterEverythingSentSoFar();

        assertThat(inRoster(store)).isFalse();
        // And the day's draw, which holds no contact details, never picks it.
        web.post().uri("/api/v1/malls/{mall}/callbacks/daily-sample", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(store).doesNotContain("phone"));
    }
}
