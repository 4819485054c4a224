package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.Timer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class CallbackFlowTest extends CallbackIntegrationTest {

    private final String mall = newMall();

    @Autowired
    DurableTimers timers;

    @Test
    void completedWorkGetsOneCallbackOnTheDesksNextWorkingDayEvenIfTheEventArrivesTwice() {
        String requestId = UUID.randomUUID().toString();
        Instant completedAt = clock.instant();
        PendingEvent completed = completeWork(mall, requestId, "REPAIR", 1, completedAt);
        TestEvents.resend(kafka, completed);
        String id = callbackIdFor(requestId, 1);

        var callback = awaitCallback(mall, id);
        // The desk calls the next day (seed 000 §4.4.4): from its opening at 09:00, overdue at its close at 21:00.
        LocalDate nextDay = completedAt.atZone(SHANGHAI).toLocalDate().plusDays(1);
        Instant opening = nextDay.atTime(9, 0).atZone(SHANGHAI).toInstant();
        assertThat(callback).containsEntry("status", "SCHEDULED").containsEntry("kind", "REPAIR")
                .containsEntry("requestKind", "REPAIR").containsEntry("department", "ENGINEERING")
                .containsEntry("round", 1)
                .containsEntry("callableFrom", opening.toString())
                .containsEntry("dueAt", nextDay.atTime(21, 0).atZone(SHANGHAI).toInstant().toString());
        assertThat(callback.get("contacts")).asList().hasSize(1);

        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.callback.callback.scheduled.v1")).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(requestId);
                assertThat(e.mallId()).isEqualTo(mall);
                assertThat(e.data().get("callableFrom").asString()).isEqualTo(opening.toString());
                assertThat(e.raw()).doesNotContain("13900000000");
            });
            // Both deadlines are durable timers, stored with the callback's write.
            assertThat(timers.find("callback-due:" + id + ":1").block()).extracting(Timer::dueAt).isEqualTo(opening);
            assertThat(timers.find("callback-overdue:" + id + ":1").block()).isNotNull();
        });
        assertThat(web.get().uri("/api/v1/malls/{mall}/callbacks?status=SCHEDULED", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("items")).asList().hasSize(1);
    }

    @Test
    void everyReporterOfMergedDuplicatesIsCalledBackOnceAndManagersSeeMaskedNumbers() {
        String requestId = UUID.randomUUID().toString();
        String data = """
                {"workOrderId":"wo-%s","requestId":"%s","requestNumber":"X","kind":"REPAIR","department":"ENGINEERING",
                 "completedAt":"%s","customer":{"name":"陳先生","phone":"13900000000"},
                 "reporters":[{"name":"陳先生","phone":"13900000000"},{"name":"李女士","phone":"13700000000"}]}
                """.formatted(requestId, requestId, clock.instant());
        TestEvents.send(kafka, WORK_ORDERS, "mall.dispatch.work-order.completed.v1", mall, "wo-" + requestId, requestId, data);
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);

        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contacts.length()").isEqualTo(2)
                .jsonPath("$.contacts[0].name").isEqualTo("陳先生")
                .jsonPath("$.contacts[1].name").isEqualTo("李女士")
                .jsonPath("$.contacts[1].phone").isEqualTo("13700000000");
        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.token("manager", java.util.List.of(mall), java.util.List.of("MANAGER"), null)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.contacts[1].phone").isEqualTo("137****0000");
    }

    @Test
    void aResultWithOneDissatisfiedAspectIsNotSatisfiedAndIsPublishedForDispatchIntakeAndSurvey() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);

        answer(mall, id, Map.of("method", "PHONE", "timeliness", "SATISFIED", "attitude", "VERY_SATISFIED",
                "quality", "DISSATISFIED", "comment", "水龍頭仍在滴水"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.satisfied").isEqualTo(false)
                .jsonPath("$.dissatisfiedWith[0]").isEqualTo("quality")
                .jsonPath("$.onTime").isEqualTo(true)
                .jsonPath("$.attempts[0].outcome").isEqualTo("REACHED")
                .jsonPath("$.calledBy").isEqualTo("front-desk-" + mall);

        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.callback.callback.completed.v1")).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(requestId);
                // What dispatch (reopen), intake (timeline) and survey (counts) read.
                assertThat(e.data().get("callbackId").asString()).isEqualTo(id);
                assertThat(e.data().get("workOrderId").asString()).isEqualTo("wo-" + requestId);
                assertThat(e.data().get("requestId").asString()).isEqualTo(requestId);
                assertThat(e.data().get("kind").asString()).isEqualTo("REPAIR");
                assertThat(e.data().get("department").asString()).isEqualTo("ENGINEERING");
                assertThat(e.data().get("satisfied").asBoolean()).isFalse();
                assertThat(e.data().get("quality").asString()).isEqualTo("DISSATISFIED");
                assertThat(e.data().get("timeliness").asString()).isEqualTo("SATISFIED");
                assertThat(e.data().get("completedAt").asString()).isNotBlank();
                assertThat(e.data().get("round").asInt()).isEqualTo(1);
                assertThat(e.raw()).doesNotContain("13900000000");
            });
            assertThat(publishedAbout(id, "mall.callback.callback.unsatisfied.v1")).singleElement()
                    .satisfies(e -> assertThat(e.data().get("unsatisfiedRounds").asInt()).isEqualTo(1));
            // One unsatisfied round: the department corrects it; the supervisor comes in at the second.
            assertThat(publishedAbout(id, "mall.callback.callback.escalated.v1")).isEmpty();
        });

        assertThat(prometheus())
                .contains("msd_callback_scheduled_total{application=\"callback-service\",department=\"ENGINEERING\",mall=\"" + mall + "\"} 1.0")
                .contains("msd_callback_completed_total{application=\"callback-service\",department=\"ENGINEERING\",mall=\"" + mall + "\",satisfied=\"false\"} 1.0");

        answer(mall, id, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("callback-already-completed");
    }

    @Test
    void aRepairResultNamesEveryMissingAnswerAndUnknownLevelsAreRefused() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);

        answer(mall, id, Map.of("method", "PHONE", "timeliness", "SATISFIED"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("callback-answers-missing")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field=='attitude')].code").isEqualTo("NotNull")
                .jsonPath("$.errors[?(@.field=='quality')].code").isEqualTo("NotNull");
        answer(mall, id, Map.of("timeliness", "SATISFIED", "attitude", "SATISFIED", "quality", "SATISFIED"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("method");
        web.post().uri("/api/v1/malls/{mall}/callbacks/{id}/result", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "PHONE", "timeliness", "QUITE_HAPPY", "attitude", "SATISFIED", "quality", "SATISFIED"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("timeliness");
        // Five levels: very dissatisfied is the lowest, basically satisfied already counts as satisfied.
        answer(mall, id, repairAnswers("BASICALLY_SATISFIED", "VERY_SATISFIED", "SATISFIED"))
                .expectStatus().isOk().expectBody().jsonPath("$.satisfied").isEqualTo(true);
    }

    @Test
    void aComplaintCallbackAsksWhetherItWasResolvedAndTheOutcomeAccepted() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "COMPLAINT", 1, clock.instant());
        String id = callbackIdFor(requestId, 1);
        assertThat(awaitCallback(mall, id)).containsEntry("kind", "COMPLAINT");

        answer(mall, id, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("callback-answers-missing")
                .jsonPath("$.errors[?(@.field=='complaintResolved')].code").isEqualTo("NotNull")
                .jsonPath("$.errors[?(@.field=='outcomeAccepted')].code").isEqualTo("NotNull");
        answer(mall, id, Map.of("method", "VISIT", "complaintResolved", true, "outcomeAccepted", false,
                "attitude", "SATISFIED"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.satisfied").isEqualTo(false)
                .jsonPath("$.dissatisfiedWith[0]").isEqualTo("outcomeAccepted")
                .jsonPath("$.result.timeliness").doesNotExist();
        await().untilAsserted(() -> assertThat(publishedAbout(id, "mall.callback.callback.completed.v1")).singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("callbackKind").asString()).isEqualTo("COMPLAINT");
                    assertThat(e.data().get("complaintResolved").asBoolean()).isTrue();
                    assertThat(e.data().get("outcomeAccepted").asBoolean()).isFalse();
                    assertThat(e.data().get("satisfied").asBoolean()).isFalse();
                }));
    }

    @Test
    void theQueueIsOrderedByDueTimeFilteredAndPaged() {
        Instant now = clock.instant();
        String later = UUID.randomUUID().toString();
        String sooner = UUID.randomUUID().toString();
        String complaint = UUID.randomUUID().toString();
        completeWork(mall, later, "REPAIR", 1, now);
        completeWork(mall, sooner, "REPAIR", 1, now.minus(java.time.Duration.ofDays(1)));
        completeWork(mall, complaint, "COMPLAINT", 1, now);
        awaitCallback(mall, callbackIdFor(later, 1));
        awaitCallback(mall, callbackIdFor(sooner, 1));
        awaitCallback(mall, callbackIdFor(complaint, 1));
        String desk = TestTokens.frontDesk(mall);

        web.get().uri("/api/v1/malls/{mall}/callbacks?kind=REPAIR&size=1", mall).headers(h -> h.setBearerAuth(desk))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "2")
                .expectHeader().value("Link", link -> assertThat(link).contains("page=1").contains("rel=\"next\""))
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(callbackIdFor(sooner, 1));
        web.get().uri("/api/v1/malls/{mall}/callbacks?kind=REPAIR&size=1&page=1", mall).headers(h -> h.setBearerAuth(desk))
                .exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Link")
                .expectBody().jsonPath("$.items[0].id").isEqualTo(callbackIdFor(later, 1));
        web.get().uri("/api/v1/malls/{mall}/callbacks?status=SCHEDULED,DUE,OVERDUE&kind=COMPLAINT", mall)
                .headers(h -> h.setBearerAuth(desk))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(callbackIdFor(complaint, 1));
        web.get().uri("/api/v1/malls/{mall}/callbacks?status=LOST", mall).headers(h -> h.setBearerAuth(desk))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-field").jsonPath("$.errors[0].field").isEqualTo("status");
        web.get().uri("/api/v1/malls/{mall}/callbacks?size=1000", mall).headers(h -> h.setBearerAuth(desk))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void callbacksOfOneMallAreInvisibleToAnother() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mall, id);
        String other = newMall();
        String otherDesk = TestTokens.frontDesk(other);

        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", other, id).headers(h -> h.setBearerAuth(otherDesk))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("callback-not-found");
        web.get().uri("/api/v1/malls/{mall}/callbacks", mall).headers(h -> h.setBearerAuth(otherDesk))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
        web.get().uri("/api/v1/malls/{mall}/callbacks", other).headers(h -> h.setBearerAuth(otherDesk))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0")
                .expectBody().jsonPath("$.items[?(@.id=='" + id + "')]").doesNotExist();
        post(other, otherDesk, "/" + id + "/result", repairAnswers("SATISFIED", "SATISFIED", "SATISFIED"))
                .expectStatus().isNotFound();
        post(other, otherDesk, "/" + id + "/attempts", Map.of("method", "PHONE", "outcome", "UNREACHABLE"))
                .expectStatus().isNotFound();
        post(mall, otherDesk, "/" + id + "/attempts", Map.of("method", "PHONE", "outcome", "UNREACHABLE"))
                .expectStatus().isForbidden();
        post(mall, TestTokens.deptStaff(mall, "ENGINEERING"), "/" + id + "/attempts",
                Map.of("method", "PHONE", "outcome", "UNREACHABLE"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        web.get().uri("/api/v1/malls/{mall}/callbacks/{id}", mall, id).exchange().expectStatus().isUnauthorized();
        // Every event names its mall, so downstream consumers keep malls apart too.
        await().untilAsserted(() -> assertThat(publishedAbout(id)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.mallId()).isEqualTo(mall)));
        assertThat(Objects.requireNonNull(prometheus())).doesNotContain("mall=\"" + other + "\"");
    }
}
