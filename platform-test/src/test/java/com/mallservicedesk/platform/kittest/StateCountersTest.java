package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.outbox.OutboxCallbacks;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.OutboxRelay;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.CounterMove;
import com.mallservicedesk.platform.store.CounterMoves;
import com.mallservicedesk.platform.store.StateCounters;
import com.mallservicedesk.platform.store.TimeKeys;
import com.mallservicedesk.platform.test.MovableClock;
import com.mallservicedesk.platform.timer.DurableTimers;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Aggregates counted by state: the store writes each move with the change, the relay applies it once. The parcels are
 * NEW until noted, NOTED after.
 */
class StateCountersTest extends KitIntegrationTest {

    private static final String COUNTERS = "parcel_counts";

    @Autowired
    AggregateStores stores;

    @Autowired
    CounterMoves counterMoves;

    @Autowired
    DurableTimers timers;

    @Test
    void theCountersFollowEveryStoredChangeConcurrentOnesIncluded() {
        AggregateStore<Parcel> parcels = counted();
        String mall = "MC01";
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID().toString()).toList();
        Flux.fromIterable(ids).concatMap(id -> parcels.create(Parcel.register(id, mall, "counted"))).blockLast();

        // Six writers note one parcel at once (retried on each other's writes); two more parcels are noted once.
        Flux.range(0, 6)
                .flatMap(i -> parcels.change(mall, ids.get(0), p -> p.note("n" + i)).subscribeOn(Schedulers.parallel()))
                .blockLast(Duration.ofMinutes(1));
        parcels.change(mall, ids.get(1), p -> p.note("once")).block();
        parcels.change(mall, ids.get(2), p -> p.note("once")).block();

        await().untilAsserted(() -> {
            assertThat(count(mall, "NEW")).isEqualTo(2);
            assertThat(count(mall, "NOTED")).isEqualTo(3);
            ids.forEach(id -> assertThat(parcel(id).getCountOutbox()).as(id).isEmpty());
        });
        assertThat(parcel(ids.get(0)).getCountedAs()).isEqualTo(labels(mall, "NOTED"));
    }

    @Test
    void countersAreReadByTheirLabelsAndOneNeverMovedIsAbsent() {
        AggregateStore<Parcel> parcels = counted();
        String mall = "MC05";
        parcels.create(Parcel.register(UUID.randomUUID().toString(), mall, "counted")).block();

        await().untilAsserted(() -> assertThat(StateCounters.in(mongo, COUNTERS)
                .of(List.of(labels(mall, "NEW"), labels(mall, "NOTED"), labels("MC06", "NEW"))).collectList().block())
                .singleElement().satisfies(counter -> {
                    assertThat(counter.getString("state")).isEqualTo("NEW");
                    assertThat(counter.get("n", Number.class).longValue()).isEqualTo(1);
                }));
    }

    @Test
    void aMoveAppliedByARelayThatDiedBeforeRemovingItCountsOnce() {
        AggregateStore<Parcel> parcels = counted();
        String mall = "MC02";
        String id = UUID.randomUUID().toString();
        parcels.create(Parcel.register(id, mall, "dies")).block();
        await().untilAsserted(() -> {
            assertThat(count(mall, "NEW")).isEqualTo(1);
            assertThat(parcel(id).getCountOutbox()).isEmpty();
        });

        // The parcel as a relay leaves it that applied its move to NOTED and was killed before removing it: the move
        // applied and still in the document, its lease run out.
        var move = new CounterMove(UUID.randomUUID().toString(), COUNTERS, labels(mall, "NEW"), labels(mall, "NOTED"));
        counterMoves.apply(List.of(move)).block();
        assertThat(count(mall, "NOTED")).isEqualTo(1);
        Instant ranOut = Instant.now().minusSeconds(60);
        var asLeft = Updates.combine(
                Updates.push("countOutbox", new Document("moveId", move.moveId()).append("counters", COUNTERS)
                        .append("from", new Document(move.from())).append("to", new Document(move.to()))),
                Updates.set("countedAs", new Document(move.to())),
                Updates.set("notes", List.of("noted")),
                Updates.set("relay", new Document("holder", "killed-relay/1").append("until", Date.from(ranOut))
                        .append("failures", 0)),
                Updates.set("relayDue", TimeKeys.of(ranOut) + "#" + id),
                Updates.inc("version", 1));
        mongo.getCollection("parcels").flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", id), asLeft))).block();

        // The service's relay takes the parcel over and applies the move again, which its counters recognise.
        await().untilAsserted(() -> assertThat(parcel(id).getCountOutbox()).isEmpty());
        assertThat(count(mall, "NEW")).isZero();
        assertThat(count(mall, "NOTED")).isEqualTo(1);
    }

    @Test
    void aRelayWhoseLeaseIsNearlyOverLeavesTheMovesToAFreshLease() {
        String mall = "MC03";
        String id = UUID.randomUUID().toString();
        var clock = new MovableClock();
        // Polls too rarely to find anything by itself: the test polls it.
        var relay = new OutboxRelay(mongo, publisher::publishDirectly, timers, counterMoves,
                new OutboxRelay.Settings(Duration.ofHours(1), 100, 8, Duration.ofSeconds(30)), new SimpleMeterRegistry(),
                clock);
        var callbacks = new OutboxCallbacks(relay);
        relay.start();
        try {
            // A new parcel with its move, written as Spring Data writes it: the write takes a 30 s lease for the relay.
            Parcel parcel = Parcel.register(id, mall, "late").aggregate();
            parcel.getCountOutbox().add(new CounterMove(UUID.randomUUID().toString(), COUNTERS, null,
                    labels(mall, "NEW")));
            parcel.setCountedAs(labels(mall, "NEW"));
            var written = new Document();
            mongo.getConverter().write(parcel, written);
            Mono.from(callbacks.onBeforeSave(parcel, written, "parcels")).block();
            // ... and the relay gets to it 25 s later, with 5 s of its lease left.
            clock.advance(Duration.ofSeconds(25));
            mongo.getCollection("parcels").flatMap(c -> Mono.from(c.insertOne(written))).block();
            Mono.from(callbacks.onAfterSave(parcel, written, "parcels")).block();

            // It gives the parcel back without touching the counters ...
            await().untilAsserted(() -> {
                Document relayState = mongo.findById(id, Document.class, "parcels").block().get("relay", Document.class);
                assertThat(relayState).as("the parcel's relay state").isNotNull();
                assertThat(relayState.getString("holder")).isNull();
            });
            assertThat(count(mall, "NEW")).isZero();
            assertThat(parcel(id).getCountOutbox()).hasSize(1);

            // ... and applies the move once it holds the parcel under a fresh lease.
            relay.relayLeftovers().block();
            assertThat(count(mall, "NEW")).isEqualTo(1);
            assertThat(parcel(id).getCountOutbox()).isEmpty();
        } finally {
            relay.stop();
        }
    }

    @Test
    void anAggregateStoredBeforeItKeptWhereItIsCountedMovesFromItsStateAsStored() {
        String mall = "MC04";
        String id = UUID.randomUUID().toString();
        // As an earlier version stored and counted it: no countedAs, its counter moved right after its write.
        mongo.insert(new Document("_id", id).append("mallId", mall).append("label", "stored before")
                .append("notes", List.of()).append("version", 0L).append("outbox", List.of()), "parcels").block();
        mongo.upsert(Query.query(Criteria.where("_id").is(mall + "|NEW")), new Update().inc("n", 1)
                .set("mallId", mall).set("state", "NEW"), COUNTERS).block();

        counted().change(mall, id, parcel -> parcel.note("after the upgrade")).block();

        await().untilAsserted(() -> {
            assertThat(count(mall, "NEW")).isZero();
            assertThat(count(mall, "NOTED")).isEqualTo(1);
            assertThat(parcel(id).getCountOutbox()).isEmpty();
        });
    }

    @Test
    void onlyAnAggregateThatKeepsWhereItIsCountedCanBeCounted() {
        assertThatThrownBy(() -> stores.of(ParcelWithoutCounts.class, "parcel")
                .countedIn(StateCounters.in(mongo, COUNTERS), p -> Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ParcelWithoutCounts");
    }

    /** An aggregate with an outbox that does not keep where it is counted. */
    abstract static class ParcelWithoutCounts implements OutboxCarrier {
    }

    private AggregateStore<Parcel> counted() {
        return stores.of(Parcel.class, "parcel").countedIn(StateCounters.in(mongo, COUNTERS),
                parcel -> labels(parcel.getMallId(), parcel.getNotes().isEmpty() ? "NEW" : "NOTED"));
    }

    private static Map<String, Object> labels(String mall, String state) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("mallId", mall);
        labels.put("state", state);
        return labels;
    }

    private long count(String mall, String state) {
        Document counter = mongo.findById(mall + "|" + state, Document.class, COUNTERS).block();
        return counter == null ? 0 : counter.get("n", Number.class).longValue();
    }
}
