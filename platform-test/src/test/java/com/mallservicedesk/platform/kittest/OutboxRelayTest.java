package com.mallservicedesk.platform.kittest;

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
    void anEventASaveOfAStaleCopyWritesBackIsRemovedWithoutASecondSend() {
        publisher.failSends(true);
        String id = registeredParcelId("M001", "stale-copy");
        Parcel staleCopy = parcel(id);
        assertThat(staleCopy.getOutbox()).hasSize(1);
        double writtenBackBefore = counter("platform.outbox.written.back");
        double publishedBefore = counter("platform.outbox.published");

        publisher.failSends(false);
        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
        assertThat(counter("platform.outbox.published")).isEqualTo(publishedBefore + 1);

        // A request that loaded the parcel before the removal saves it: the sent event is back in the outbox.
        mongo.save(staleCopy).block();

        await().untilAsserted(() -> assertThat(parcel(id).getOutbox()).isEmpty());
        assertThat(counter("platform.outbox.written.back")).isEqualTo(writtenBackBefore + 1);
        assertThat(counter("platform.outbox.published")).isEqualTo(publishedBefore + 1);
        assertThat(receipts.countFor(id).block()).isEqualTo(1);
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

    @Test
    void theRelayFindsPendingEventsThroughASparseIndexInsteadOfScanningTheCollection() {
        var indexes = mongo.indexOps(Parcel.class).getIndexInfo().collectList().block();
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("outbox_pending");
            assertThat(index.isSparse()).isTrue();
            assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("outbox.eventId");
        });
    }

    private double counter(String name) {
        return meters.find(name).counter().count();
    }

    private double duplicates() {
        var counter = meters.find("platform.inbox.duplicates").tag("consumer", "kittest-receipts").counter();
        return counter == null ? 0 : counter.count();
    }
}
