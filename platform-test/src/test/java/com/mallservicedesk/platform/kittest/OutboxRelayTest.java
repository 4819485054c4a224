package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.outbox.EventPublisher;
import com.mallservicedesk.platform.outbox.OutboxCallbacks;
import com.mallservicedesk.platform.outbox.OutboxRelay;
import com.mallservicedesk.platform.store.CounterMoves;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxRelayTest extends KitIntegrationTest {

    @Autowired
    DurableTimers timers;

    @Autowired
    CounterMoves counterMoves;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void heal() {
        publisher.failSends(false);
    }

    @Test
    void anEventWhoseSendDiedAfterTheStoreStillArrivesExactlyOnce() {
        publisher.failSends(true);
        int failedBefore = publisher.failedSends();

        String id = registeredParcelId("M001", "store-then-crash");

        // The change and its event are stored together; every send attempt dies before reaching the broker.
        await().untilAsserted(() -> assertThat(publisher.failedSends()).isGreaterThan(failedBefore + 1));
        assertThat(parcel(id).getOutbox()).hasSize(1);
        assertThat(receipts.countFor(id).block()).isZero();

        publisher.failSends(false);

        await().untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
    }

    @Test
    void anEventSentTwiceBecauseTheRelayDiedBeforeClearingItIsHandledOnce() {
        publisher.failSends(true);
        String id = registeredParcelId("M001", "sent-then-crash");
        var pending = parcel(id).getOutbox().get(0);
        double duplicatesBefore = duplicates();

        // The relay sent it and died before removing it from the outbox ...
        publisher.publishDirectly(pending).block();
        await().untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
        // ... so after the restart it is sent again.
        publisher.failSends(false);

        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
        await().untilAsserted(() -> assertThat(duplicates()).isGreaterThan(duplicatesBefore));
        assertThat(receipts.countFor(id).block()).isEqualTo(1);
    }

    @Test
    void aSaveOfACopyLoadedBeforeTheRelayRemovedItsEventsIsRefusedInsteadOfSendingThemAgain() {
        publisher.failSends(true);
        String id = registeredParcelId("M001", "stale-copy");
        Parcel staleCopy = parcel(id);
        assertThat(staleCopy.getOutbox()).hasSize(1);
        double publishedBefore = counter("platform.outbox.published");

        publisher.failSends(false);
        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
        // Counted before its removal; other tests' leftovers in this context may be counted too, hence no exact figure.
        assertThat(counter("platform.outbox.published")).isGreaterThan(publishedBefore);

        // The removal moved the version: a request that loaded the parcel before it cannot write the sent event back.
        assertThatThrownBy(() -> mongo.save(staleCopy).block()).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(parcel(id).getOutbox()).isEmpty();
        // The consumer receives the one send a moment after the relay removed it from the outbox.
        await().untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
    }

    @Test
    void oneDocumentThatCannotBeSentDoesNotHoldUpTheOthers() {
        publisher.failSendsContaining("stuck-parcel");
        try {
            String stuck = registeredParcelId("M001", "stuck-parcel");
            List<String> others = IntStream.range(0, 5).mapToObj(i -> registeredParcelId("M001", "healthy-" + i)).toList();

            await().untilAsserted(() -> others.forEach(id -> assertThat(receipts.countFor(id).block()).as(id).isEqualTo(1)));
            assertThat(parcel(stuck).getOutbox()).hasSize(1);
            // It keeps its relay state, waiting for its next try with a back-off of its own; the others are done.
            var state = mongo.findById(stuck, Document.class, "parcels").block().get("relay", Document.class);
            assertThat(state.getInteger("failures")).isPositive();
            others.forEach(id -> assertThat(mongo.findById(id, Document.class, "parcels").block())
                    .doesNotContainKeys("relay", "relayDue"));
        } finally {
            publisher.failSendsContaining(null);
        }
    }

    @Test
    void twoRelaysOnTheSameStoreSendEachEventOnce() {
        // This service's own relay fails every send, as if its broker were away; two more replicas share the work.
        publisher.failSends(true);
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> registeredParcelId("M003", "replica-" + i)).toList();
        var sends = new ConcurrentHashMap<String, AtomicInteger>();
        EventPublisher counting = event -> publisher.publishDirectly(event)
                .doOnSuccess(done -> sends.computeIfAbsent(event.eventId(), k -> new AtomicInteger()).incrementAndGet());
        var settings = new OutboxRelay.Settings(Duration.ofMillis(100), 100, 8, Duration.ofSeconds(30));
        // The replicas' clocks run two minutes ahead, past the failing relay's leases and back-offs: they need not wait.
        var ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        List<OutboxRelay> replicas = IntStream.range(0, 2).mapToObj(i -> new OutboxRelay(mongo, counting, timers,
                counterMoves, settings, new SimpleMeterRegistry(), ahead)).toList();

        await().untilAsserted(() -> {
            Flux.fromIterable(replicas).flatMap(r -> r.relayLeftovers().subscribeOn(Schedulers.parallel())).blockLast();
            ids.forEach(id -> assertThat(parcel(id).getOutbox()).as(id).isEmpty());
        });

        assertThat(sends).hasSize(ids.size());
        assertThat(sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        publisher.failSends(false);
        await().untilAsserted(() -> ids.forEach(id -> assertThat(receipts.countFor(id).block()).isEqualTo(1)));
    }

    @Test
    void aRelayStoppedAndStartedAgainStillRelaysRightAfterAWrite() {
        // This service's own relay fails every send; the relay under test polls too rarely to find the parcel itself.
        publisher.failSends(true);
        String id = registeredParcelId("M004", "restarted-relay");
        // Its clock runs past the failing relay's lease and back-off, so a write through it takes the parcel over.
        var ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        var relay = new OutboxRelay(mongo, publisher::publishDirectly, timers, counterMoves,
                new OutboxRelay.Settings(Duration.ofHours(1), 100, 8, Duration.ofSeconds(30)), new SimpleMeterRegistry(),
                ahead);
        var callbacks = new OutboxCallbacks(relay);
        relay.start();
        relay.stop();
        relay.start();
        try {
            // A save as Spring Data makes it: the callback before the write, the write, the callback after it.
            Parcel parcel = parcel(id);
            var written = new Document();
            mongo.getConverter().write(parcel, written);
            Mono.from(callbacks.onBeforeSave(parcel, written, "parcels")).block();
            mongo.getCollection("parcels").flatMap(parcels -> Mono.from(parcels.replaceOne(Filters.eq("_id", id), written)))
                    .block();
            Mono.from(callbacks.onAfterSave(parcel, written, "parcels")).block();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
        } finally {
            relay.stop();
        }
        publisher.failSends(false);
        await().untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
    }

    @Test
    void pendingWorkMarkedTheWayEarlierVersionsDidIsRelayedAfterAnUpgrade() {
        publisher.failSends(true);
        String id = registeredParcelId("M004", "pre-upgrade");
        // As an earlier version stored it: the event in the parcel, a marker in a collection of its own, no relay state.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("relay").unset("relayDue"),
                "parcels").block();
        mongo.insert(new Document("_id", "parcels/" + id).append("collection", "parcels").append("docId", id)
                .append("writes", 1), "outbox_pending").block();
        assertThat(parcel(id).getOutbox()).hasSize(1);
        publisher.failSends(false);

        var upgraded = new OutboxRelay(mongo, publisher::publishDirectly, timers, counterMoves,
                new OutboxRelay.Settings(Duration.ofHours(1), 100, 8, Duration.ofSeconds(30)), new SimpleMeterRegistry(),
                Clock.systemUTC());
        await().untilAsserted(() -> {
            upgraded.relayLeftovers().block();
            assertThat(parcel(id).getOutbox()).isEmpty();
        });
        await().untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
        assertThat(mongo.collectionExists("outbox_pending").block()).isFalse();
    }

    @Test
    void publishedEventsCarryTheCloudEventsContract() {
        try (TopicProbe probe = TopicProbe.on("kittest.parcels.v1")) {
            String id = registeredParcelId("M002", "headers");
            await().untilAsserted(() -> assertThat(probe.records())
                    .anySatisfy(record -> {
                        assertThat(record.key()).isEqualTo(id);
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_specversion")).isEqualTo("1.0");
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_type")).isEqualTo("mall.kittest.parcel.registered.v1");
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_source")).isEqualTo("/mall-service-desk/kittest");
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_subject")).isEqualTo(id);
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_mallid")).isEqualTo("M002");
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_correlationid")).isEqualTo(id);
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_id")).isNotBlank();
                        assertThat(CloudEventHeaders.read(record.headers(), "ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                        assertThat(record.value()).contains("\"parcelId\":\"" + id + "\"").contains("\"label\":\"headers\"");
                    }));
        }
    }

    private double counter(String name) {
        return meters.find(name).counter().count();
    }

    private double duplicates() {
        var counter = meters.find("platform.inbox.duplicates").tag("consumer", "kittest-receipts").counter();
        return counter == null ? 0 : counter.count();
    }
}
