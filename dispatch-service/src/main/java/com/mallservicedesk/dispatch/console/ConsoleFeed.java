package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.events.IncomingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores every work-order event for the consoles, numbered per mall with a counter ($inc), and follows the stored
 * events for a live console: replay after the last id it saw, then the new ones as they are stored. This instance's
 * stores wake its streams at once; a poll picks up what other instances stored.
 */
@Component
class ConsoleFeed {

    static final String SEQUENCES = "console_sequences";

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration gapWait;
    private final Sinks.Many<String> stored = Sinks.many().multicast().directBestEffort();

    ConsoleFeed(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock,
                @Value("${dispatch.console.poll-interval:PT1S}") Duration pollInterval,
                @Value("${dispatch.console.gap-wait:PT2S}") Duration gapWait) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.gapWait = gapWait;
    }

    /** Stores a work-order event once (its ce_id is unique) under the mall's next number. */
    @SuppressWarnings("unchecked")
    Mono<Void> record(IncomingEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(json.readValue(event.data(), Map.class));
        // Consoles show what happened; the customer's contact stays in the work order (seed 001 篇3 §8).
        data.remove("customer");
        data.remove("reporters");
        List<String> departments = new ArrayList<>();
        addIfPresent(departments, data.get("department"));
        addIfPresent(departments, data.get("fromDepartment"));
        return mongo.exists(Query.query(Criteria.where("eventId").is(event.id())), ConsoleEvent.class)
                .flatMap(seen -> seen ? Mono.<Void>empty() : nextSeq(event.mallId()).flatMap(seq -> mongo.insert(
                                new ConsoleEvent(event.mallId() + ":" + seq, event.mallId(), seq, event.id(), event.type(),
                                        string(data.get("workOrderId")), string(data.get("requestId")), departments,
                                        string(data.get("status")), string(data.get("toRole")), event.time(),
                                        clock.instant(), data))
                        .then()
                        .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty())))
                .doOnSuccess(done -> wake(event.mallId()));
    }

    /** Where a console starts: after the id it saw last, or (a new console) after the mall's latest event. */
    Mono<Long> startAfter(String mallId, Long lastSeen) {
        return lastSeen != null ? Mono.just(lastSeen) : currentSeq(mallId);
    }

    /** The mall's events after {@code from}, then every new one, for one department or (null) the whole mall. */
    Flux<ConsoleEvent> follow(String mallId, String department, long from) {
        return Flux.defer(() -> {
            var cursor = new Cursor(from);
            Flux<Object> wakeups = Flux.merge(Flux.just((Object) "start"), Flux.interval(pollInterval),
                            stored.asFlux().filter(mallId::equals))
                    .onBackpressureLatest();
            return wakeups.concatMap(tick -> mongo.find(Query.query(Criteria.where("mallId").is(mallId).and("seq").gt(cursor.last))
                                    .with(Sort.by("seq")).limit(500), ConsoleEvent.class)
                            .collectList()
                            .flatMapIterable(cursor::advance), 1)
                    .filter(e -> department == null || e.concerns(department));
        });
    }

    Mono<Long> currentSeq(String mallId) {
        return mongo.findById(mallId, Document.class, SEQUENCES)
                .map(d -> ((Number) d.get("seq")).longValue())
                .defaultIfEmpty(0L);
    }

    private Mono<Long> nextSeq(String mallId) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(mallId)), new Update().inc("seq", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, SEQUENCES)
                .map(d -> ((Number) d.get("seq")).longValue());
    }

    private synchronized void wake(String mallId) {
        stored.tryEmitNext(mallId);
    }

    /**
     * Delivers numbers in order. A missing number is usually an event another instance numbered but has not stored
     * yet, so the stream waits for it briefly; after {@code gapWait} it is taken as lost (a failed store) and skipped.
     */
    private final class Cursor {
        private long last;

        Cursor(long last) {
            this.last = last;
        }

        List<ConsoleEvent> advance(List<ConsoleEvent> batch) {
            List<ConsoleEvent> ready = new ArrayList<>();
            Instant now = clock.instant();
            for (ConsoleEvent e : batch) {
                if (e.seq() != last + 1 && Duration.between(e.storedAt(), now).compareTo(gapWait) < 0) {
                    break;
                }
                ready.add(e);
                last = e.seq();
            }
            return ready;
        }
    }

    private static void addIfPresent(List<String> list, Object value) {
        if (value != null && !list.contains(value.toString())) {
            list.add(value.toString());
        }
    }

    private static String string(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
