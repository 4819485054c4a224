package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import com.mallservicedesk.platform.timer.TimerPoller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class DurableTimersTest extends KitIntegrationTest {

    @Autowired
    DurableTimers timers;

    @Autowired
    ReminderTimers reminders;

    @Test
    void aTimerFiresSoonAfterItsDeadlineAndOnlyOnce() {
        String id = "reminder-" + UUID.randomUUID();
        Instant due = Instant.now().plusMillis(300);
        timers.schedule(id, "M001", ReminderTimers.KIND, "parcel-1", due, Map.of("note", "call back")).block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reminders.fires(id).block()).isEqualTo(1));
        Timer fired = timers.find(id).block();
        assertThat(fired.status()).isEqualTo(Timer.TimerStatus.FIRED);
        assertThat(fired.firedAt()).isAfterOrEqualTo(due);
        assertThat(fired.data("note")).isEqualTo("call back");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(reminders.fires(id).block()).isEqualTo(1));
    }

    @Test
    void severalInstancesRacingFireEachTimerExactlyOnce() {
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "race-" + UUID.randomUUID()).toList();
        Instant past = Instant.now().minusSeconds(1);
        // A kind no running poller handles: only the three racing instances below fire these.
        Flux.fromIterable(ids).concatMap(id -> timers.schedule(id, "M001", "kittest.race", "s", past, Map.of())).blockLast();

        var handler = new CountingHandler("kittest.race", reminders);
        List<TimerPoller> instances = IntStream.range(0, 3)
                .mapToObj(i -> new TimerPoller(mongo, List.of(handler), Clock.systemUTC(), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), new SimpleMeterRegistry()))
                .toList();
        Long fired = Flux.fromIterable(instances)
                .flatMap(instance -> instance.fireDue().subscribeOn(Schedulers.parallel()))
                .reduce(0L, Long::sum)
                .block();

        assertThat(fired).isEqualTo(ids.size());
        for (String id : ids) {
            assertThat(reminders.fires(id).block()).as(id).isEqualTo(1);
        }
    }

    @Test
    void aTimerClaimedByAnInstanceThatDiedIsFiredByAnotherAfterItsLease() {
        String id = "orphan-" + UUID.randomUUID();
        mongo.insert(new Timer(id, "M001", "kittest.orphan", "s", Instant.now().minusSeconds(60),
                Timer.TimerStatus.SCHEDULED, Map.of(), 1, Instant.now().minusSeconds(1), "a-dead-instance", null)).block();
        var restarted = new TimerPoller(mongo, List.of(new CountingHandler("kittest.orphan", reminders)), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), new SimpleMeterRegistry());

        assertThat(restarted.fireDue().block()).isEqualTo(1);
        assertThat(reminders.fires(id).block()).isEqualTo(1);
        assertThat(timers.find(id).block().attempts()).isEqualTo(2);
    }

    @Test
    void aRescheduledTimerMovesAndACancelledOneNeverFires() {
        String moved = "moved-" + UUID.randomUUID();
        String cancelled = "cancelled-" + UUID.randomUUID();
        timers.schedule(moved, "M001", ReminderTimers.KIND, "s", Instant.now().plusSeconds(3600), Map.of()).block();
        timers.schedule(cancelled, "M001", ReminderTimers.KIND, "s", Instant.now().plusMillis(500), Map.of()).block();
        assertThat(timers.cancel(cancelled).block()).isTrue();
        timers.schedule(moved, "M001", ReminderTimers.KIND, "s", Instant.now().plusMillis(200), Map.of()).block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reminders.fires(moved).block()).isEqualTo(1));
        assertThat(timers.find(cancelled).block().status()).isEqualTo(Timer.TimerStatus.CANCELLED);
        assertThat(reminders.fires(cancelled).block()).isZero();
        // A fired timer is not scheduled again under the same id.
        timers.schedule(moved, "M001", ReminderTimers.KIND, "s", Instant.now(), Map.of()).block();
        assertThat(timers.find(moved).block().status()).isEqualTo(Timer.TimerStatus.FIRED);
    }

    /** The reminder handler under another kind, so only the instances of a test fire those timers. */
    private record CountingHandler(String kind, ReminderTimers counter) implements TimerHandler {
        @Override
        public Mono<Void> fire(Timer timer) {
            return counter.fire(timer);
        }
    }
}
