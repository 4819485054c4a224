package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.Sequences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Stores every work-order event for the consoles, numbered per mall with a counter ($inc), and follows the stored
 * events for a live console: replay after the last id it saw, then the new ones as they are stored. This instance's
 * stores wake its streams at once; a poll picks up what other instances stored.
 */
@Component
class ConsoleFeed {

    static final String SEQUENCES = "console_sequences";
    /** A number given up after {@code gapWait}: passed over like an unused one. */
    private static final ConsoleEvent SKIPPED = ConsoleEvent.unusedNumber(null, 0, null);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration gapWait;
    private final Sinks.Many<String> stored = Sinks.many().multicast().directBestEffort();
    private final Sequences sequences;
    private final int replayLimit;
    private final Duration replayMaxAge;

    ConsoleFeed(ReactiveMongoTemplate mongo, Clock clock,
                @Value("${dispatch.console.poll-interval:PT1S}") Duration pollInterval,
                @Value("${dispatch.console.gap-wait:PT2S}") Duration gapWait,
                @Value("${dispatch.console.replay-limit:500}") int replayLimit,
                @Value("${dispatch.console.replay-max-age:PT24H}") Duration replayMaxAge) {
        this.mongo = mongo;
        this.sequences = Sequences.in(mongo, SEQUENCES);
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.gapWait = gapWait;
        this.replayLimit = replayLimit;
        this.replayMaxAge = replayMaxAge;
    }

    /**
     * Stores a work-order or notification event once under the mall's next number. A department's console shows it
     * when it names the department ({@code department}, or {@code fromDepartment} of a transfer); the front desk's
     * when it names the front desk among an escalation's targets or the order waits for the front desk. The event's id
     * is a unique key, so a redelivered event is not stored again; the number it drew is marked unused at once, and
     * consoles pass it without waiting. That costs a redelivery a number, instead of a look-up for every event. Only a
     * number whose store failed altogether stays a gap, which consoles skip after {@code gapWait}.
     */
    Mono<Void> record(IncomingEvent event, Map<String, Object> raw) {
        Map<String, Object> data = new LinkedHashMap<>(raw);
        // Consoles show what happened; the customer's contact stays in the work order (seed 001 篇3 §8).
        data.remove("customer");
        data.remove("reporters");
        List<String> departments = new ArrayList<>();
        addIfPresent(departments, data.get("department"));
        addIfPresent(departments, data.get("fromDepartment"));
        List<String> roles = new ArrayList<>();
        if (data.get("targets") instanceof List<?> targets) {
            targets.forEach(t -> {
                if (t instanceof Map<?, ?> target) {
                    addIfPresent(roles, target.get("role"));
                }
            });
        }
        if ("UNASSIGNED".equals(data.get("status")) && data.get("department") == null) {
            addIfPresent(roles, ConsoleEvent.FRONT_DESK);
        }
        return sequences.next(event.mallId())
                .flatMap(seq -> InsertOnce.into(mongo, new ConsoleEvent(event.mallId() + ":" + seq, event.mallId(), seq,
                                event.id(), event.type(), string(data.get("workOrderId")), string(data.get("requestId")),
                                departments, string(data.get("status")), string(data.get("toRole")), event.time(),
                                clock.instant(), data, roles))
                        .switchIfEmpty(Mono.defer(() -> InsertOnce.into(mongo,
                                ConsoleEvent.unusedNumber(event.mallId(), seq, clock.instant())))))
                .then()
                .doOnSuccess(done -> wake(event.mallId()));
    }

    /**
     * Where a console starts, and why it must reload its list first.
     *
     * @param after  the number after which events are delivered (the SSE {@code id} a reconnect resumes from)
     * @param resync null when the console gets exactly what it missed; otherwise why the replay starts later than asked
     *               ({@code replay-limit}, {@code too-old}, {@code unknown-position})
     */
    record Start(long after, String resync) {
    }

    /**
     * Where a console starts: a new console (no {@code Last-Event-ID}) after the mall's latest event; a reconnecting
     * one after the id it saw last, but at most {@code replay-limit} events back and never before events older than
     * {@code replay-max-age}. A busy mall's whole history replayed to every reconnecting console would load the store
     * and the console for nothing: one that missed more reloads its list instead (the {@code resync} event).
     */
    Mono<Start> startAfter(String mallId, Long lastSeen) {
        return currentSeq(mallId).flatMap(current -> {
            if (lastSeen == null) {
                return Mono.just(new Start(current, null));
            }
            if (lastSeen > current) {
                return Mono.just(new Start(current, "unknown-position"));
            }
            long bounded = Math.max(lastSeen, current - replayLimit);
            Instant cutoff = clock.instant().minus(replayMaxAge);
            return lastStale(mallId, bounded, current, cutoff).map(after -> after > bounded ? new Start(after, "too-old")
                    : new Start(bounded, bounded > lastSeen ? "replay-limit" : null));
        });
    }

    /**
     * The last number in {@code (from, to]} stored before {@code cutoff}, or {@code from} when the next one is recent.
     * Numbers are handed out in storing order, so the stored times rise with them: a binary search reads about ten
     * events by key. A missing number counts as recent, so nothing recent is ever skipped.
     */
    private Mono<Long> lastStale(String mallId, long from, long to, Instant cutoff) {
        if (from >= to) {
            return Mono.just(from);
        }
        return recent(mallId, from + 1, cutoff).flatMap(recent -> recent ? Mono.just(from)
                : firstRecent(mallId, from + 2, to, cutoff).map(first -> first - 1));
    }

    /** The first recent number in {@code [low, high]}, {@code high + 1} if none; all below {@code low} are old. */
    private Mono<Long> firstRecent(String mallId, long low, long high, Instant cutoff) {
        if (low > high) {
            return Mono.just(low);
        }
        long middle = low + (high - low) / 2;
        return recent(mallId, middle, cutoff).flatMap(recent -> recent ? firstRecent(mallId, low, middle - 1, cutoff)
                : firstRecent(mallId, middle + 1, high, cutoff));
    }

    private Mono<Boolean> recent(String mallId, long seq, Instant cutoff) {
        return mongo.findById(mallId + ":" + seq, ConsoleEvent.class)
                .map(e -> e.storedAt() == null || !e.storedAt().isBefore(cutoff))
                .defaultIfEmpty(true);
    }

    /**
     * The mall's events after {@code from}, then every new one, those {@code shows} lets through (one department's,
     * the front desk's, or all). Each wake-up reads the next numbers by key ({@code <mall>:<n>}) until one is missing.
     */
    Flux<ConsoleEvent> follow(String mallId, java.util.function.Predicate<ConsoleEvent> shows, long from) {
        return Flux.defer(() -> {
            var cursor = new Cursor(from);
            Flux<Object> wakeups = Flux.merge(Flux.just((Object) "start"), Flux.interval(pollInterval),
                            stored.asFlux().filter(mallId::equals))
                    .onBackpressureLatest();
            return wakeups.concatMap(tick -> cursor.readOn(mallId), 1)
                    .filter(shows);
        });
    }

    Mono<Long> currentSeq(String mallId) {
        return sequences.current(mallId);
    }

    private synchronized void wake(String mallId) {
        stored.tryEmitNext(mallId);
    }

    /**
     * Delivers numbers in order. A missing number below the mall's counter is usually an event another instance
     * numbered but has not stored yet, so the stream waits for it briefly; after {@code gapWait} it is taken as lost
     * (a failed store) and skipped.
     */
    private final class Cursor {
        private long last;
        private Instant gapSince;

        Cursor(long last) {
            this.last = last;
        }

        Flux<ConsoleEvent> readOn(String mallId) {
            return Flux.defer(() -> mongo.findById(mallId + ":" + (last + 1), ConsoleEvent.class)
                            .map(found -> {
                                last = found.seq();
                                gapSince = null;
                                return List.of(found);
                            })
                            .switchIfEmpty(currentSeq(mallId).map(current -> {
                                if (current <= last) {
                                    gapSince = null;
                                    return List.<ConsoleEvent>of();
                                }
                                Instant now = clock.instant();
                                if (gapSince == null) {
                                    gapSince = now;
                                } else if (Duration.between(gapSince, now).compareTo(gapWait) >= 0) {
                                    last++;
                                    gapSince = null;
                                    return List.of(SKIPPED);
                                }
                                return List.<ConsoleEvent>of();
                            })))
                    .repeat()
                    .takeWhile(batch -> !batch.isEmpty())
                    .take(500)
                    .flatMapIterable(batch -> batch)
                    .filter(e -> !e.isUnusedNumber());
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
