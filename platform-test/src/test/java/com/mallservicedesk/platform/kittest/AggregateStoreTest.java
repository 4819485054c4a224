package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
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
                .blockLast();

        assertThat(parcel(id).getNotes()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).mapToObj(i -> "note-" + i).toList());
        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
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
