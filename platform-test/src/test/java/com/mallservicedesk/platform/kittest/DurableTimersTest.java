package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.timer.DurableTimers;
import com.mallservicedesk.platform.timer.PendingTimer;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
        assertThat(reminders.lastData(id).block()).containsEntry("note", "call back");
        // A fired timer leaves the store: the timers kept are only the deadlines still ahead.
        await().untilAsserted(() -> assertThat(timers.find(id).blockOptional()).isEmpty());
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
                        Duration.ofSeconds(30), 10, new SimpleMeterRegistry()))
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
        timers.schedule(id, "M001", "kittest.orphan", "s", Instant.now().minusSeconds(60), Map.of()).block();
        // An instance claimed it and died: its lease ran out a second ago.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("lockedUntil", Instant.now().minusSeconds(1))
                .set("lockedBy", "a-dead-instance").set("attempts", 1), Timer.class).block();
        var restarted = new TimerPoller(mongo, List.of(new CountingHandler("kittest.orphan", reminders)), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 10, new SimpleMeterRegistry());

        assertThat(restarted.fireDue().block()).isEqualTo(1);
        assertThat(reminders.fires(id).block()).isEqualTo(1);
        assertThat(timers.find(id).blockOptional()).isEmpty();
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
        assertThat(timers.find(cancelled).blockOptional()).isEmpty();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(reminders.fires(cancelled).block()).isZero());
    }

    @Test
    void theChangesOfOneWriteAppliedTogetherEndAsTheLastChangeOfEachTimerSays() {
        String fires = "grouped-fires-" + UUID.randomUUID();
        String movedAway = "grouped-moved-" + UUID.randomUUID();
        String cancelledAfter = "grouped-cancelled-" + UUID.randomUUID();
        String stored = "grouped-stored-" + UUID.randomUUID();
        timers.schedule(stored, "M001", ReminderTimers.KIND, "s", Instant.now().plusMillis(300), Map.of()).block();
        Instant soon = Instant.now().plusMillis(300);

        timers.apply("M001", List.of(
                PendingTimer.schedule(fires, ReminderTimers.KIND, "s", soon, Map.of("note", "first")),
                PendingTimer.schedule(movedAway, ReminderTimers.KIND, "s", soon, Map.of()),
                PendingTimer.schedule(cancelledAfter, ReminderTimers.KIND, "s", soon, Map.of()),
                PendingTimer.cancel(stored),
                PendingTimer.schedule(movedAway, ReminderTimers.KIND, "s", Instant.now().plusSeconds(3600), Map.of()),
                PendingTimer.cancel(cancelledAfter))).block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reminders.fires(fires).block()).isEqualTo(1));
        assertThat(reminders.lastData(fires).block()).containsEntry("note", "first");
        assertThat(timers.find(movedAway).block().dueAt()).isAfter(Instant.now().plusSeconds(3000));
        assertThat(timers.find(cancelledAfter).blockOptional()).isEmpty();
        assertThat(timers.find(stored).blockOptional()).isEmpty();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(reminders.fires(movedAway).block()).isZero();
            assertThat(reminders.fires(cancelledAfter).block()).isZero();
            assertThat(reminders.fires(stored).block()).isZero();
        });
    }

    @Test
    void aFiredTimerLeavesTheDueIndexWhileOneThatWaitsStaysUntilItIsGone() {
        String waits = "elsewhere-" + UUID.randomUUID();
        String fires = "fires-" + UUID.randomUUID();
        Instant past = Instant.now().minusSeconds(1);
        // A kind no handler here takes (another service's): it waits.
        timers.schedule(waits, "M001", "kittest.elsewhere", "s", past, Map.of()).block();
        timers.schedule(fires, "M001", ReminderTimers.KIND, "s", past, Map.of()).block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reminders.fires(fires).block()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(dueEntriesOf(fires)).isZero());
        assertThat(dueEntriesOf(waits)).isOne();

        timers.cancel(waits).block();
        // Its entry waits a minute for a timer that may still be on its way; a round after that drops it.
        var aMinuteLater = new TimerPoller(mongo, List.of(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 10, new SimpleMeterRegistry());
        aMinuteLater.fireDue().block();
        assertThat(dueEntriesOf(waits)).isZero();
    }

    @Test
    void aDueTimerWhoseEntryARoundReadsBeforeTheTimerIsWrittenStillFires() {
        String id = "written-late-" + UUID.randomUUID();
        timers.schedule(id, "M001", "kittest.late", "s", Instant.now().minus(Duration.ofDays(5)), Map.of()).block();
        Timer timer = timers.find(id).block();
        // The entry is written first, then the timer: this is how the store looks between the two writes.
        timers.cancel(id).block();
        var poller = new TimerPoller(mongo, List.of(new CountingHandler("kittest.late", reminders)), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), 10, new SimpleMeterRegistry());

        assertThat(poller.fireDue().block()).isZero();
        mongo.insert(timer).block();

        assertThat(poller.fireDue().block()).isOne();
        assertThat(reminders.fires(id).block()).isOne();
        assertThat(dueEntriesOf(id)).isZero();
    }

    @Test
    void timersThatWaitDoNotHoldUpTheDueTimersBehindThem() {
        // More waiting entries than a batch, all ahead of the reminder in due order.
        Instant earlier = Instant.now().minusSeconds(30);
        List<String> blocked = IntStream.range(0, 150).mapToObj(i -> "blocked-" + i + "-" + UUID.randomUUID()).toList();
        Flux.fromIterable(blocked).index().concatMap(each -> timers.schedule(each.getT2(), "M001", "kittest.elsewhere", "s",
                earlier.plusMillis(each.getT1()), Map.of())).blockLast();
        String behind = "behind-" + UUID.randomUUID();
        timers.schedule(behind, "M001", ReminderTimers.KIND, "s", Instant.now().minusSeconds(1), Map.of()).block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reminders.fires(behind).block()).isEqualTo(1));
        Flux.fromIterable(blocked).concatMap(timers::cancel).blockLast();
    }

    @Test
    void timersStoredWithoutADueEntryAreAdoptedOnceAndFire() {
        // As an earlier version left them: the timer alone, and its minute bucket.
        String stored = "stored-earlier-" + UUID.randomUUID();
        mongo.save(new org.bson.Document("_id", stored).append("mallId", "M001").append("kind", ReminderTimers.KIND)
                .append("subject", "s").append("dueAt", java.util.Date.from(Instant.now().minusSeconds(5)))
                .append("data", Map.of()).append("attempts", 0), Timer.COLLECTION).block();
        mongo.save(new org.bson.Document("_id", "29000000:3").append("entries", List.of()), "timer_buckets").block();
        mongo.remove(new Query(), "timer_state").block();

        timers.adoptStoredTimers().block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reminders.fires(stored).block()).isEqualTo(1));
        assertThat(mongo.collectionExists("timer_buckets").block()).isFalse();
        // Adopted once: a timer stored without an entry now is not entered by a second start.
        String later = "stored-later-" + UUID.randomUUID();
        mongo.save(new org.bson.Document("_id", later).append("mallId", "M001").append("kind", ReminderTimers.KIND)
                .append("subject", "s").append("dueAt", java.util.Date.from(Instant.now().plusSeconds(3600)))
                .append("attempts", 0), Timer.COLLECTION).block();
        timers.adoptStoredTimers().block();
        assertThat(dueEntriesOf(later)).isZero();
        timers.cancel(later).block();
    }

    private long dueEntriesOf(String timerId) {
        return mongo.count(Query.query(Criteria.where("timerId").is(timerId)), "timer_due").block();
    }

    @Test
    void aTimerWhoseHandlerKeepsFailingIsSetAsideForAPersonAfterItsAttempts() {
        String id = "broken-" + UUID.randomUUID();
        timers.schedule(id, "M001", "kittest.broken", "s", Instant.now().minusSeconds(1), Map.of("why", "test")).block();
        TimerHandler broken = new TimerHandler() {
            @Override
            public String kind() {
                return "kittest.broken";
            }

            @Override
            public Mono<Void> fire(Timer timer) {
                return Mono.error(new IllegalStateException("handler broken by the test"));
            }
        };
        // No lease, so each round may retry at once.
        var poller = new TimerPoller(mongo, List.of(broken), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ZERO, 3,
                new SimpleMeterRegistry());

        await().untilAsserted(() -> {
            poller.fireDue().block();
            assertThat(timers.find(id).blockOptional()).isEmpty();
        });
        var setAside = mongo.findById(id, org.bson.Document.class, "timers_failed").block();
        assertThat(setAside).isNotNull();
        assertThat(setAside.getString("error")).contains("handler broken by the test");
    }

    @Test
    void timersFarAheadAreNotTouchedByTheRounds() {
        String later = "later-" + UUID.randomUUID();
        timers.schedule(later, "M001", ReminderTimers.KIND, "s", Instant.now().plus(Duration.ofHours(5)), Map.of()).block();
        var poller = new TimerPoller(mongo, List.of(reminders), Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 10, new SimpleMeterRegistry());

        poller.fireDue().block();

        assertThat(timers.find(later).block().attempts()).isZero();
        assertThat(dueEntriesOf(later)).isOne();
    }

    /** The reminder handler under another kind, so only the instances of a test fire those timers. */
    private record CountingHandler(String kind, ReminderTimers counter) implements TimerHandler {
        @Override
        public Mono<Void> fire(Timer timer) {
            return counter.fire(timer);
        }
    }
}
