package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import com.mallservicedesk.platform.inbox.ProcessedEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * A handler that is idempotent by itself skips the inbox's processed-event record; one that is not keeps it, and the
 * records of a poll are read and written together.
 */
class RepeatableHandlersTest extends KitIntegrationTest {

    @Autowired
    EventInbox inbox;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRepeatableHandlerRunsOnEveryDeliveryAndItsOwnKeyKeepsTheEffectSingle() {
        AtomicInteger runs = new AtomicInteger();
        String consumer = "kittest-repeatable-" + UUID.randomUUID();
        EventHandlers handlers = EventHandlers.forConsumer(consumer).onRepeatable(Parcel.REGISTERED.type(),
                Parcel.Registered.class, (event, parcel) -> {
                    runs.incrementAndGet();
                    return InsertOnce.into(mongo, new Document("_id", "copy-" + event.subject()), "parcel_copies");
                });
        ConsumerRecord<String, String> record = registered("parcel-" + UUID.randomUUID());

        inbox.accept(List.of(record), handlers);
        inbox.accept(List.of(record), handlers);

        assertThat(runs).hasValue(2);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("copy-" + record.key())), "parcel_copies").block())
                .isEqualTo(1);
        assertThat(processedRecordsOf(consumer)).isZero();
    }

    @Test
    void anOrdinaryHandlerRunsOnceAndIsRecorded() {
        AtomicInteger runs = new AtomicInteger();
        String consumer = "kittest-recorded-" + UUID.randomUUID();
        EventHandlers handlers = EventHandlers.forConsumer(consumer).on(Parcel.REGISTERED.type(), Parcel.Registered.class,
                (event, parcel) -> Mono.fromRunnable(runs::incrementAndGet));
        ConsumerRecord<String, String> record = registered("parcel-" + UUID.randomUUID());

        inbox.accept(List.of(record), handlers);
        inbox.accept(List.of(record), handlers);

        assertThat(runs).hasValue(1);
        assertThat(processedRecordsOf(consumer)).isEqualTo(1);
        // The repeat is counted as a duplicate only, not as processed again.
        assertThat(meters.get("platform.inbox.processed").tag("consumer", consumer).counter().count()).isEqualTo(1);
        assertThat(meters.get("platform.inbox.duplicates").tag("consumer", consumer).counter().count()).isEqualTo(1);
    }

    @Test
    void twoCopiesOfOneEventInOnePollRunTheHandlerOnce() {
        List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        String consumer = "kittest-copies-" + UUID.randomUUID();
        EventHandlers handlers = EventHandlers.forConsumer(consumer).on(Parcel.REGISTERED.type(), Parcel.Registered.class,
                (event, parcel) -> Mono.fromRunnable(() -> runs.add(event.subject())));
        ConsumerRecord<String, String> record = registered("parcel-" + UUID.randomUUID());
        ConsumerRecord<String, String> other = registered("parcel-" + UUID.randomUUID());

        inbox.accept(List.of(record, other, copyOf(record)), handlers);

        assertThat(runs).containsExactlyInAnyOrder(record.key(), other.key());
        assertThat(processedRecordsOf(consumer)).isEqualTo(2);
        assertThat(meters.get("platform.inbox.duplicates").tag("consumer", consumer).counter().count()).isEqualTo(1);
    }

    @Test
    void theEventsHandledBeforeAFailureAreRecordedSoTheBatchComingBackRunsOnlyTheRest() {
        List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        var failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        String consumer = "kittest-failure-" + UUID.randomUUID();
        ConsumerRecord<String, String> first = registered("parcel-" + UUID.randomUUID());
        ConsumerRecord<String, String> failed = registered("parcel-" + UUID.randomUUID());
        ConsumerRecord<String, String> last = registered("parcel-" + UUID.randomUUID());
        EventHandlers handlers = EventHandlers.forConsumer(consumer).on(Parcel.REGISTERED.type(), Parcel.Registered.class,
                (event, parcel) -> event.subject().equals(failed.key()) && failing.get()
                        ? Mono.error(new IllegalStateException("requested by the test"))
                        : Mono.fromRunnable(() -> runs.add(event.subject())));
        var batch = List.of(first, failed, last);

        assertThatThrownBy(() -> inbox.accept(batch, handlers)).isInstanceOfSatisfying(
                BatchListenerFailedException.class, failure -> assertThat(failure.getRecord()).isSameAs(failed));
        assertThat(processedRecordsOf(consumer)).isEqualTo(2);

        failing.set(false);
        inbox.accept(batch, handlers);

        assertThat(runs).containsExactlyInAnyOrder(first.key(), last.key(), failed.key());
        assertThat(processedRecordsOf(consumer)).isEqualTo(3);
    }

    @Test
    void anEventRecordedElsewhereWhileThePollRanDoesNotKeepTheOthersFromBeingRecorded() {
        String consumer = "kittest-raced-" + UUID.randomUUID();
        ConsumerRecord<String, String> raced = registered("parcel-" + UUID.randomUUID());
        ConsumerRecord<String, String> other = registered("parcel-" + UUID.randomUUID());
        // As if another instance handled and recorded the event between this poll's look-up and its own record.
        EventHandlers handlers = EventHandlers.forConsumer(consumer).on(Parcel.REGISTERED.type(), Parcel.Registered.class,
                (event, parcel) -> event.subject().equals(raced.key())
                        ? InsertOnce.into(mongo, new ProcessedEvent(consumer + "/" + event.id(), consumer, event.id(),
                                event.type(), event.mallId(), java.time.Instant.now()))
                        : Mono.empty());

        inbox.accept(List.of(raced, other), handlers);

        assertThat(processedRecordsOf(consumer)).isEqualTo(2);
    }

    private long processedRecordsOf(String consumer) {
        return mongo.count(Query.query(Criteria.where("consumer").is(consumer)), ProcessedEvent.class).block();
    }

    private static ConsumerRecord<String, String> registered(String parcelId) {
        var record = new ConsumerRecord<>("kittest.parcels.v1", 0, 0L, parcelId,
                "{\"parcelId\":\"" + parcelId + "\",\"label\":\"repeat\"}");
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SOURCE, "/mall-service-desk/kittest");
        header(record, CloudEventHeaders.TYPE, Parcel.REGISTERED.type());
        header(record, CloudEventHeaders.SUBJECT, parcelId);
        header(record, CloudEventHeaders.MALL_ID, "M001");
        header(record, CloudEventHeaders.TIME, "2026-11-26T08:00:00Z");
        return record;
    }

    private static ConsumerRecord<String, String> copyOf(ConsumerRecord<String, String> record) {
        var copy = new ConsumerRecord<>(record.topic(), record.partition(), record.offset() + 1, record.key(), record.value());
        record.headers().forEach(header -> copy.headers().add(header));
        return copy;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
