package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CallbackFlowTest extends CallbackIntegrationTest {

    private final String mall = "CB" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aCompletedWorkOrderGetsOneCallbackDueTheNextDayEvenIfTheEventArrivesTwice() {
        String requestId = UUID.randomUUID().toString();
        Instant completedAt = Instant.parse("2026-11-20T06:30:00Z");
        PendingEvent completed = workOrderCompleted(requestId, completedAt);
        TestEvents.resend(kafka, completed);

        await().untilAsserted(() -> assertThat(callbacks.findByMallId(mall, org.springframework.data.domain.Sort.unsorted())
                .collectList().block()).hasSize(1));
        Callback callback = callbacks.findByMallId(mall, org.springframework.data.domain.Sort.unsorted()).blockFirst();
        assertThat(callback.getDueAt()).isEqualTo(completedAt.plus(Duration.ofDays(1)));
        assertThat(callback.getStatus()).isEqualTo(CallbackStatus.SCHEDULED);
        assertThat(callback.getContacts()).extracting(CompletedWorkOrder.Contact::name).containsExactly("陳先生");
        assertThat(callback.getDepartment()).isEqualTo("ENGINEERING");
    }

    @Test
    void everyReporterOfMergedDuplicatesIsCalledBackOnce() {
        String requestId = UUID.randomUUID().toString();
        String data = """
                {"workOrderId":"wo-%s","requestId":"%s","requestNumber":"X","kind":"REPAIR","department":"ENGINEERING",
                 "completedAt":"2026-11-20T06:30:00Z","customer":{"name":"陳先生","phone":"13900000000"},
                 "reporters":[{"name":"陳先生","phone":"13900000000"},{"name":"李女士","phone":"13700000000"}]}
                """.formatted(requestId, requestId);
        TestEvents.send(kafka, "dispatch.work-orders.v1", "mall.dispatch.work-order.completed.v1", mall,
                "wo-" + requestId, requestId, data);
        String callbackId = awaitCallbackFor(requestId);

        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, callbackId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contacts.length()").isEqualTo(2)
                .jsonPath("$.contacts[0].name").isEqualTo("陳先生")
                .jsonPath("$.contacts[1].name").isEqualTo("李女士");
    }

    @Test
    void aResultWithOneDissatisfiedAspectIsNotSatisfiedAndIsPublished() {
        String requestId = UUID.randomUUID().toString();
        workOrderCompleted(requestId, Instant.now());
        String callbackId = awaitCallbackFor(requestId);

        try (TopicProbe probe = TopicProbe.on("callback.callbacks.v1")) {
            web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", mall, callbackId)
                    .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("method", "PHONE", "timeliness", "SATISFIED", "attitude", "VERY_SATISFIED",
                            "quality", "DISSATISFIED", "comment", "水龍頭仍在滴水"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("COMPLETED")
                    .jsonPath("$.satisfied").isEqualTo(false)
                    .jsonPath("$.calledBy").isEqualTo("front-desk-" + mall);

            await().untilAsserted(() -> assertThat(probe.records()).anySatisfy(record -> {
                assertThat(CloudEventHeaders.read(record.headers(), "ce_type")).isEqualTo("mall.callback.callback.completed.v1");
                assertThat(record.key()).isEqualTo(requestId);
                assertThat(record.value()).contains("\"satisfied\":false").contains("\"quality\":\"DISSATISFIED\"")
                        .doesNotContain("13900000000");
            }));
        }

        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("msd_callback_scheduled_total{application=\"callback-service\",department=\"ENGINEERING\",mall=\"" + mall + "\"} 1.0")
                        .contains("msd_callback_completed_total{application=\"callback-service\",department=\"ENGINEERING\",mall=\"" + mall + "\",satisfied=\"false\"} 1.0"));

        web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", mall, callbackId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "PHONE", "timeliness", "SATISFIED", "attitude", "SATISFIED", "quality", "SATISFIED"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("callback-already-completed");
    }

    @Test
    void anIncompleteResultNamesEveryMissingAnswer() {
        String requestId = UUID.randomUUID().toString();
        workOrderCompleted(requestId, Instant.now());
        String callbackId = awaitCallbackFor(requestId);

        web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", mall, callbackId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "PHONE", "timeliness", "SATISFIED"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field=='attitude')].code").isEqualTo("NotNull")
                .jsonPath("$.errors[?(@.field=='quality')].code").isEqualTo("NotNull");
    }

    @Test
    void callbacksOfOneMallAreInvisibleToAnother() {
        String requestId = UUID.randomUUID().toString();
        workOrderCompleted(requestId, Instant.now());
        String callbackId = awaitCallbackFor(requestId);

        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", "OTHER", callbackId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("OTHER")))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/malls/{mall}/callbacks", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("OTHER")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/callbacks", "OTHER")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("OTHER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id=='" + callbackId + "')]").doesNotExist();
        web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", "OTHER", callbackId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("OTHER")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "PHONE", "timeliness", "SATISFIED", "attitude", "SATISFIED", "quality", "SATISFIED"))
                .exchange().expectStatus().isNotFound();
    }

    private PendingEvent workOrderCompleted(String requestId, Instant completedAt) {
        String data = """
                {"workOrderId":"wo-%s","requestId":"%s","requestNumber":"%s-20261120-0001","kind":"REPAIR",
                 "department":"ENGINEERING","summary":"換閥芯","orderedAt":"%s","completedAt":"%s","workTime":"PT2H",
                 "customer":{"name":"陳先生","phone":"13900000000"}}
                """.formatted(requestId, requestId, mall, completedAt.minus(Duration.ofHours(2)), completedAt);
        return TestEvents.send(kafka, "dispatch.work-orders.v1", "mall.dispatch.work-order.completed.v1", mall,
                "wo-" + requestId, requestId, data);
    }

    private String awaitCallbackFor(String requestId) {
        return await().until(() -> callbacks.findByMallId(mall, org.springframework.data.domain.Sort.unsorted())
                        .filter(c -> requestId.equals(c.getRequestId())).map(Callback::getId).blockFirst(),
                id -> id != null);
    }
}
