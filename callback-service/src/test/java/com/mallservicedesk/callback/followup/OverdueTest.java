package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OverdueTest extends CallbackIntegrationTest {

    private final String mall = newMall();

    @Autowired
    DurableTimers timers;

    @Autowired
    CallbackOverdueTimer overdueTimer;

    @Test
    void aCallbackWhoseDueTimePassedIsMarkedOverduePublishedAndCountedOnce() {
        String requestId = UUID.randomUUID().toString();
        // The work order came back five days ago; its callback was due on the desk's next day.
        Instant completedAt = clock.instant().minus(Duration.ofDays(5));
        completeWork(mall, requestId, "REPAIR", 1, completedAt);
        String id = callbackIdFor(requestId, 1);

        await().untilAsserted(() -> assertThat(callback(mall, id)).containsEntry("status", "OVERDUE")
                .containsKey("overdueAt"));
        await().untilAsserted(() -> {
            assertThat(publishedAbout(id, "mall.callback.callback.overdue.v1")).singleElement().satisfies(e -> {
                assertThat(e.mallId()).isEqualTo(mall);
                assertThat(e.data().get("dueAt").asString()).isEqualTo(callback(mall, id).get("dueAt"));
            });
            assertThat(prometheus()).contains("msd_callback_overdue_total{application=\"callback-service\",mall=\"" + mall + "\"} 1.0");
        });

        // The timer firing again (a crash before it was marked fired) changes nothing.
        overdueTimer.fire(new Timer("callback-overdue:" + id + ":1", mall, "callback-overdue", id, clock.instant(),
                java.util.Map.of(), 1, null, null)).block();
        assertThat(publishedAbout(id, "mall.callback.callback.overdue.v1")).hasSize(1);

        answer(mall, id, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk()
                .expectBody().jsonPath("$.onTime").isEqualTo(false).jsonPath("$.status").isEqualTo("COMPLETED");
        String month = YearMonth.from(completedAt.atZone(SHANGHAI)).toString();
        web.get().uri("/api/v1/malls/{mall}/callbacks/stats?month={m}", mall, month)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.figures.overdue").isEqualTo(1)
                .jsonPath("$.figures.callbacksDone").isEqualTo(1)
                .jsonPath("$.figures.callbacksOnTime").isEqualTo(0);
        web.get().uri("/api/v1/malls/{mall}/callbacks?status=OVERDUE", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0");
    }

    @Test
    void theDurableTimersMakeACallbackDueAtTheDesksOpeningAndOverdueWhenItsWorkingDayEnds() {
        String requestId = UUID.randomUUID().toString();
        completeWork(mall, requestId, "REPAIR", 1, clock.instant());
        String id = callbackIdFor(requestId, 1);
        var scheduled = awaitCallback(mall, id);
        assertThat(scheduled).containsEntry("status", "SCHEDULED");
        Instant callableFrom = Instant.parse((String) scheduled.get("callableFrom"));
        Instant dueAt = Instant.parse((String) scheduled.get("dueAt"));
        // The desk's next working day, 09:00 to 21:00 by default (seed 000 §3.1.1, §4.4.4).
        assertThat(Duration.between(callableFrom, dueAt)).isEqualTo(Duration.ofHours(12));
        await().untilAsserted(() -> assertThat(timers.find("callback-overdue:" + id + ":1").block())
                .extracting(Timer::dueAt).isEqualTo(dueAt));

        clock.advance(Duration.between(clock.instant(), callableFrom).plusSeconds(30));
        await().untilAsserted(() -> assertThat(callback(mall, id)).containsEntry("status", "DUE"));
        await().untilAsserted(() -> assertThat(timers.find("callback-due:" + id + ":1").blockOptional()).isEmpty());

        clock.advance(Duration.between(clock.instant(), dueAt).plusSeconds(30));
        await().untilAsserted(() -> assertThat(callback(mall, id)).containsEntry("status", "OVERDUE"));
        // The timer is removed once its handler has finished, just after the callback shows overdue.
        await().untilAsserted(() -> assertThat(Objects.requireNonNull(timers.find("callback-overdue:" + id + ":1")
                .blockOptional())).isEmpty());
    }
}
