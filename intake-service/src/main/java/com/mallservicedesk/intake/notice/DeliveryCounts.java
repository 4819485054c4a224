package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.store.IncrementsOnce;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.TimeKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How many deliveries of each notice are in each state, kept in one document per notice
 * ({@code notice_delivery_counts}, keyed by the notice id) so a notice and the list of notices show them without
 * reading the deliveries. It starts with every recipient PENDING (a delivery not yet written is pending too) and moves
 * one count whenever a delivery's stored state changes, exactly once however the service is killed:
 * <ol>
 *   <li>the write that changes a delivery's state also stores the move ({@value #MOVES}) and a key {@value #DUE}
 *       (its time, then the delivery id; sparse and unique, so only deliveries with moves pending are in its
 *       index);</li>
 *   <li>right after it, the move is applied to the notice's counts, noted there by its id so that applying it again
 *       changes nothing (the kit's {@link IncrementsOnce}), and then removed from the delivery;</li>
 *   <li>a kill between the two leaves the move in the delivery, and the sweep applies it ({@link #recover}) a minute
 *       after its write, when the write's own applying is long over.</li>
 * </ol>
 * Notices stored before the counts existed have no counts document and are counted from their deliveries when shown;
 * a move applied to such a notice creates one marked {@value #PARTIAL}, which is counted the same way.
 */
@Component
class DeliveryCounts {

    static final String COLLECTION = "notice_delivery_counts";
    static final String MOVES = "countMoves";
    static final String DUE = "countDue";
    static final String PARTIAL = "partial";
    /** How long after a delivery's write the sweep may apply the moves it stored: the write's own applying is over. */
    private static final Duration RECOVER_AFTER = Duration.ofMinutes(1);
    private static final int RECOVER_BATCH = 100;

    /** A move of one delivery's count from one state to another, stored in the delivery with the change. */
    record Move(String id, DeliveryState from, DeliveryState to) {

        private Document stored() {
            return new Document("id", id).append("from", from.name()).append("to", to.name());
        }

        private static Move of(Document stored) {
            return new Move(stored.getString("id"), DeliveryState.valueOf(stored.getString("from")),
                    DeliveryState.valueOf(stored.getString("to")));
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final IncrementsOnce increments;
    private final Clock clock;

    DeliveryCounts(ReactiveMongoTemplate mongo, IncrementsOnce increments, Clock clock) {
        this.mongo = mongo;
        this.increments = increments;
        this.clock = clock;
    }

    /** Before the deliveries are written: every recipient pending. Idempotent. */
    Mono<Void> start(Notice notice) {
        Document counts = new Document("_id", notice.getId());
        for (DeliveryState state : DeliveryState.values()) {
            counts.append(state.name(), state == DeliveryState.PENDING ? (long) notice.getRecipients().size() : 0L);
        }
        return InsertOnce.into(mongo, counts, COLLECTION).then();
    }

    /**
     * Adds to the write that moves a delivery from {@code from} to {@code to} the move of its counts, to be stored
     * with it; {@link #apply} it once the write is stored.
     */
    Move recordIn(Update write, String deliveryId, DeliveryState from, DeliveryState to) {
        Move move = new Move(UUID.randomUUID().toString(), from, to);
        write.push(MOVES, move.stored()).set(DUE, TimeKeys.of(clock.instant(), deliveryId));
        return move;
    }

    /** Applies a stored move to its notice's counts, once, then removes it from the delivery. */
    Mono<Void> apply(String noticeId, String deliveryId, Move move) {
        var increment = new IncrementsOnce.Increment(COLLECTION, noticeId, new Update().inc(move.from().name(), -1)
                .inc(move.to().name(), 1).setOnInsert(PARTIAL, true));
        return increments.count(move.id(), List.of(increment), outcomes -> Mono.empty(), removeFrom(deliveryId, move));
    }

    private Mono<Void> removeFrom(String deliveryId, Move move) {
        // The usual case, the delivery's only move: the move and the key go in one write. Otherwise the move goes and
        // the key stays for the others (the sweep tidies a key left with no move).
        var onlyMove = Query.query(Criteria.where("_id").is(deliveryId).and(MOVES).size(1).and(MOVES + ".id").is(move.id()));
        return mongo.updateFirst(onlyMove, new Update().unset(MOVES).unset(DUE), Delivery.class)
                .flatMap(result -> result.getMatchedCount() > 0 ? Mono.empty()
                        : mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId)),
                                new Update().pull(MOVES, new Document("id", move.id())), Delivery.class))
                .then();
    }

    /**
     * Applies the moves a kill left in deliveries, oldest first, from a minute after their write: reads only the
     * deliveries with moves pending. Each delivery is first taken for another minute (its key moved to now, if
     * unchanged), so that two instances' sweeps do not apply the same moves together.
     */
    Mono<Long> recover() {
        String due = TimeKeys.of(clock.instant().minus(RECOVER_AFTER));
        var pending = Query.query(Criteria.where(DUE).gte("")).with(Sort.by(DUE)).limit(RECOVER_BATCH);
        return mongo.find(pending, Document.class, Delivery.COLLECTION)
                .takeWhile(delivery -> delivery.getString(DUE).compareTo(due) < 0)
                .concatMap(this::recover)
                .count();
    }

    private Mono<Void> recover(Document seen) {
        String id = seen.getString("_id");
        var unchanged = Query.query(Criteria.where("_id").is(id).and(DUE).is(seen.getString(DUE)));
        return mongo.findAndModify(unchanged, Update.update(DUE, TimeKeys.of(clock.instant(), id)),
                        FindAndModifyOptions.options().returnNew(true), Document.class, Delivery.COLLECTION)
                .flatMap(taken -> {
                    List<Document> moves = taken.getList(MOVES, Document.class, List.of());
                    if (moves.isEmpty()) {
                        var noMoves = Query.query(Criteria.where("_id").is(id).orOperator(
                                Criteria.where(MOVES).exists(false), Criteria.where(MOVES).size(0)));
                        return mongo.updateFirst(noMoves, new Update().unset(MOVES).unset(DUE), Delivery.class).then();
                    }
                    return Flux.fromIterable(moves)
                            .concatMap(move -> apply(taken.getString("noticeId"), id, Move.of(move)))
                            .then();
                });
    }

    /** The counts of each notice, by notice id. */
    Mono<Map<String, Map<DeliveryState, Long>>> of(List<Notice> notices) {
        if (notices.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = notices.stream().map(Notice::getId).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .filter(counts -> !counts.getBoolean(PARTIAL, false))
                .collectMap(d -> d.getString("_id"), DeliveryCounts::countsOf)
                .flatMap(stored -> Flux.fromIterable(notices)
                        .concatMap(n -> stored.containsKey(n.getId()) ? Mono.just(Map.entry(n.getId(), stored.get(n.getId())))
                                : countDeliveries(n).map(c -> Map.entry(n.getId(), c)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Mono<Map<DeliveryState, Long>> countDeliveries(Notice notice) {
        return mongo.find(Delivery.ofNotice(notice.getId()), Delivery.class)
                .collect(() -> new EnumMap<>(none()), (counts, delivery) -> counts.merge(delivery.state(), 1L, Long::sum))
                .map(counts -> (Map<DeliveryState, Long>) counts);
    }

    private static Map<DeliveryState, Long> countsOf(Document document) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            Number n = document.get(state.name(), Number.class);
            counts.put(state, n == null ? 0L : Math.max(0L, n.longValue()));
        }
        return counts;
    }

    static Map<DeliveryState, Long> none() {
        return List.of(DeliveryState.values()).stream()
                .collect(Collectors.toMap(Function.identity(), s -> 0L, (a, b) -> a, () -> new EnumMap<>(DeliveryState.class)));
    }
}
