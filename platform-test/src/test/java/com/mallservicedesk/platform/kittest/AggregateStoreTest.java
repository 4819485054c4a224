package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class AggregateStoreTest extends KitIntegrationTest {

    @Autowired
    AggregateStores stores;

    @Test
    void concurrentChangesToOneAggregateAreAllKeptWithTheirEvents() {
        AggregateStore<Parcel> parcels = stores.of(Parcel.class, "parcel");
        String id = UUID.randomUUID().toString();
        parcels.create(Parcel.register(id, "M001", "busy")).block();

        Flux.range(0, 12)
                .flatMap(i -> parcels.change("M001", id, parcel -> parcel.note("note-" + i)).subscribeOn(Schedulers.parallel()))
                // Bounded: a store call that never answers fails the test instead of hanging the build.
                .blockLast(Duration.ofMinutes(1));

        assertThat(parcel(id).getNotes()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).mapToObj(i -> "note-" + i).toList());
        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
    }

    @Test
    void changesRightAfterCreationRacingTheRelayAllReachTheBroker() {
        AggregateStore<Parcel> parcels = stores.of(Parcel.class, "parcel");
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (TopicProbe probe = TopicProbe.on("kittest.parcels.v1")) {
            Flux.fromIterable(ids)
                    .flatMap(id -> parcels.create(Parcel.register(id, "M004", "race"))
                            .thenMany(Flux.range(0, 3).flatMap(n -> parcels.change("M004", id, p -> p.note("n" + n))
                                    .subscribeOn(Schedulers.parallel()))), 8)
                    .blockLast();

            // Every change's event is published, however the writes and the relay interleaved; nothing is left behind.
            await().untilAsserted(() -> ids.forEach(id -> assertThat(probe.records().stream()
                    .filter(r -> id.equals(r.key())).count()).as(id).isEqualTo(4)));
            await().untilAsserted(() -> ids.forEach(id -> assertThat(
                    mongo.findById(id, org.bson.Document.class, "parcels").block()).as(id).doesNotContainKeys("relay", "relayDue")));
        }
    }

    @Test
    void creatingTwiceStoresOnceAndAnotherMallsIdIsNotFound() {
        AggregateStore<Parcel> parcels = stores.of(Parcel.class, "parcel");
        String id = UUID.randomUUID().toString();

        assertThat(parcels.create(Parcel.register(id, "M001", "first")).blockOptional()).isPresent();
        assertThat(parcels.create(Parcel.register(id, "M001", "again")).blockOptional()).isEmpty();

        assertThat(parcel(id).getLabel()).isEqualTo("first");
        assertThat(parcels.findIfPresent("M002", id).blockOptional()).isEmpty();
        assertThat(parcels.changeIfPresent("M002", id, parcel -> parcel.note("cross-mall")).blockOptional()).isEmpty();
        await().untilAsserted(() -> assertThat(receipts.countFor(id).block()).isEqualTo(1));
    }
}
