package com.mallservicedesk.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/** How the inbox works through a poll's records: keys at once, one key in order, the first failure named. */
class EventInboxBatchTest {

    private static final String TYPE = "mall.kittest.parcel.registered.v1";

    /** Repeatable handlers only: the inbox then needs no store. */
    private final EventInbox inbox = new EventInbox(null, JsonMapper.builder().build(), new SimpleMeterRegistry(),
            Clock.systemUTC(), Duration.ofSeconds(5), 16);
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("records of different keys are handled at the same time: the first waits for the second to begin")
    void differentKeysAtOnce() {
        Sinks.One<Boolean> secondBegan = Sinks.one();
        EventHandlers handlers = handlers((key, label) -> {
            if (label.equals("first")) {
                return secondBegan.asMono().timeout(Duration.ofSeconds(5)).doOnNext(began -> handled.add(label));
            }
            secondBegan.tryEmitValue(true);
            return Mono.fromRunnable(() -> handled.add(label));
        });

        inbox.accept(List.of(record("a", "first"), record("b", "second")), handlers);

        assertThat(handled).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    @DisplayName("records of one key are handled in their order, even when an earlier one takes longer")
    void oneKeyInOrder() {
        EventHandlers handlers = handlers((key, label) -> label.equals("a1")
                ? Mono.delay(Duration.ofMillis(50)).doOnNext(tick -> handled.add(label))
                : Mono.fromRunnable(() -> handled.add(label)));

        inbox.accept(List.of(record("a", "a1"), record("b", "b1"), record("a", "a2"), record("a", "a3")), handlers);

        assertThat(handled.stream().filter(label -> label.startsWith("a"))).containsExactly("a1", "a2", "a3");
        assertThat(handled).contains("b1");
    }

    @Test
    @DisplayName("a failure stops its key's later records and names the batch's first failed record for the error handler")
    void theFirstFailureIsNamed() {
        EventHandlers handlers = handlers((key, label) -> label.startsWith("fail")
                ? Mono.error(new IllegalStateException("requested by the test: " + label))
                : Mono.fromRunnable(() -> handled.add(label)));
        var records = List.of(record("a", "a1"), record("b", "fail-b1"), record("c", "fail-c1"), record("b", "b2"),
                record("a", "a2"));

        assertThatThrownBy(() -> inbox.accept(records, handlers))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(records.get(1));
                    assertThat(failure.getCause()).hasMessageContaining("fail-b1");
                });
        assertThat(handled).containsExactlyInAnyOrder("a1", "a2").doesNotContain("b2");
    }

    @Test
    @DisplayName("with two consumers on one listener, each record goes to both before the next: the records committed before a failure reached both")
    void everyConsumerSeesTheRecordsBeforeAFailure() {
        List<String> second = new CopyOnWriteArrayList<>();
        EventHandlers first = handlers((key, label) -> label.startsWith("fail")
                ? Mono.error(new IllegalStateException("requested by the test: " + label))
                : Mono.fromRunnable(() -> handled.add(label)));
        EventHandlers other = handlers((key, label) -> Mono.fromRunnable(() -> second.add(label)));
        var records = List.of(record("a", "a1"), record("a", "fail-a2"), record("a", "a3"));

        assertThatThrownBy(() -> inbox.accept(records, first, other))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getRecord()).isSameAs(records.get(1)));
        assertThat(handled).containsExactly("a1");
        assertThat(second).containsExactly("a1");
    }

    @Test
    @DisplayName("a record that cannot be read as an event fails as that record, like a failing handler")
    void anUnreadableRecordIsNamed() {
        var unreadable = new ConsumerRecord<>("kittest.parcels.v1", 0, 7L, "c", "{}");
        var records = List.of(record("a", "a1"), unreadable);

        assertThatThrownBy(() -> inbox.accept(records, handlers((key, label) -> Mono.fromRunnable(() -> handled.add(label)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getRecord()).isSameAs(unreadable));
        assertThat(handled).containsExactly("a1");
    }

    private interface LabelHandler {
        Mono<?> handle(String key, String label);
    }

    private static EventHandlers handlers(LabelHandler handler) {
        return EventHandlers.forConsumer("batch-test-" + UUID.randomUUID()).onRepeatable(TYPE, Map.class,
                (event, data) -> handler.handle(event.subject(), (String) data.get("label")));
    }

    private static ConsumerRecord<String, String> record(String key, String label) {
        var record = new ConsumerRecord<>("kittest.parcels.v1", 0, 0L, key, "{\"label\":\"" + label + "\"}");
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SOURCE, "/mall-service-desk/kittest");
        header(record, CloudEventHeaders.TYPE, TYPE);
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.MALL_ID, "M001");
        header(record, CloudEventHeaders.TIME, "2026-11-26T08:00:00Z");
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
