package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

class DeadLetterTest extends KitIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        try (TopicProbe dlt = TopicProbe.on("kittest.parcels.v1.DLT")) {
            String marker = "poison-" + UUID.randomUUID();
            double deadLettersBefore = deadLetters();
            kafka.send(new ProducerRecord<>("kittest.parcels.v1", marker, "{not json and no CloudEvents headers")).get();

            await().untilAsserted(() -> assertThat(dlt.records()).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(marker);
                assertThat(CloudEventHeaders.read(record.headers(), "kafka_dlt-exception-message"))
                        .contains("missing CloudEvents header ce_id");
                assertThat(CloudEventHeaders.read(record.headers(), "kafka_dlt-original-topic")).isEqualTo("kittest.parcels.v1");
            }));
            await().untilAsserted(() -> assertThat(deadLetters()).isGreaterThan(deadLettersBefore));
        }
    }

    @Test
    void aRecordWhoseHandlerKeepsFailingIsRetriedThenDeadLettered() throws Exception {
        try (TopicProbe dlt = TopicProbe.on("kittest.parcels.v1.DLT")) {
            String parcelId = UUID.randomUUID().toString();
            send(event(parcelId, parcelId, "explode"));

            await().untilAsserted(() -> assertThat(dlt.records()).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(parcelId);
                assertThat(CloudEventHeaders.read(record.headers(), "kafka_dlt-exception-message"))
                        .contains("handler failure requested by the test");
            }));
            assertThat(receipts.countFor(parcelId).block()).isZero();
        }
    }

    @Test
    void aDeterministicFailureGoesToTheDeadLetterTopicWithoutRetries() throws Exception {
        try (TopicProbe dlt = TopicProbe.on("kittest.parcels.v1.DLT")) {
            String parcelId = UUID.randomUUID().toString();
            send(event(parcelId, parcelId, "bad-date"));

            await().untilAsserted(() -> assertThat(dlt.records()).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(parcelId);
                assertThat(CloudEventHeaders.read(record.headers(), "kafka_dlt-exception-message"))
                        .contains("a rule the data breaks");
            }));
            assertThat(receipts.attemptsFor(parcelId)).isEqualTo(1);
        }
    }

    @Test
    void anUnavailableStoreIsRetriedPastTheRetryLimitAndNothingIsDeadLettered() throws Exception {
        try (TopicProbe dlt = TopicProbe.on("kittest.parcels.v1.DLT")) {
            String parcelId = UUID.randomUUID().toString();
            // The test profile dead-letters other failures after 2 s of retries; twelve failures take longer than that.
            send(event(parcelId, parcelId, "store-away-12"));

            await().atMost(java.time.Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(receipts.countFor(parcelId).block()).isEqualTo(1));
            assertThat(receipts.attemptsFor(parcelId)).isEqualTo(13);
            String after = UUID.randomUUID().toString();
            send(event(parcelId, after, "after"));
            await().untilAsserted(() -> assertThat(receipts.countFor(after).block()).isEqualTo(1));
            assertThat(dlt.records()).noneSatisfy(record -> assertThat(record.key()).isEqualTo(parcelId));
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String parcelId = UUID.randomUUID().toString();
        PendingEvent event = event("redelivery", parcelId, "twice");
        send(event);
        send(event);
        String marker = UUID.randomUUID().toString();
        send(event("redelivery", marker, "after"));

        // One key, one partition, read in order: once the later event is counted, both copies were seen.
        await().untilAsserted(() -> assertThat(receipts.countFor(marker).block()).isEqualTo(1));
        assertThat(receipts.countFor(parcelId).block()).isEqualTo(1);
    }

    private double deadLetters() {
        var counter = meters.find("platform.inbox.dead.letters").tag("topic", "kittest.parcels.v1").counter();
        return counter == null ? 0 : counter.count();
    }

    private static PendingEvent event(String key, String parcelId, String label) {
        return new PendingEvent(UUID.randomUUID().toString(), Parcel.REGISTERED.type(), Parcel.REGISTERED.topic(),
                key, parcelId, "M001", key, Instant.now(),
                "{\"parcelId\":\"" + parcelId + "\",\"label\":\"" + label + "\"}");
    }

    private void send(PendingEvent event) throws Exception {
        var record = new ProducerRecord<>(event.topic(), null, event.key(), event.data(),
                CloudEventHeaders.of(event, "/test"));
        kafka.send(record).get();
    }
}
