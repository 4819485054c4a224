package com.mallservicedesk.intake.notice;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.mallservicedesk.platform.store.InsertOnce;
import org.bson.Document;
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
 * one count whenever a delivery's stored state changes. A crash between the delivery's write and its count leaves the
 * count one off, as the platform accepts for counters kept this way. Notices stored before the counts existed are
 * counted from their deliveries when shown.
 */
@Component
class DeliveryCounts {

    static final String COLLECTION = "notice_delivery_counts";

    private final ReactiveMongoTemplate mongo;

    DeliveryCounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Before the deliveries are written: every recipient pending. Idempotent. */
    Mono<Void> start(Notice notice) {
        Document counts = new Document("_id", notice.getId());
        for (DeliveryState state : DeliveryState.values()) {
            counts.append(state.name(), state == DeliveryState.PENDING ? (long) notice.getRecipients().size() : 0L);
        }
        return InsertOnce.into(mongo, counts, COLLECTION).then();
    }

    /** A delivery's stored state changed from {@code from} to {@code to}. */
    Mono<Void> moved(String noticeId, DeliveryState from, DeliveryState to) {
        if (from == to) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)),
                new Update().inc(from.name(), -1).inc(to.name(), 1), COLLECTION).then();
    }

    /** The counts of each notice, by notice id. */
    Mono<Map<String, Map<DeliveryState, Long>>> of(List<Notice> notices) {
        if (notices.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = notices.stream().map(Notice::getId).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .collectMap(d -> d.getString("_id"), DeliveryCounts::countsOf)
                .flatMap(stored -> Flux.fromIterable(notices)
                        .concatMap(n -> stored.containsKey(n.getId()) ? Mono.just(Map.entry(n.getId(), stored.get(n.getId())))
                                : countDeliveries(n).map(c -> Map.entry(n.getId(), c)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Mono<Map<DeliveryState, Long>> countDeliveries(Notice notice) {
        return Flux.fromArray(DeliveryState.values())
                .concatMap(state -> mongo.count(Query.query(Criteria.where("noticeId").is(notice.getId())
                        .and("state").is(state)), Delivery.class).map(count -> Map.entry(state, count)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(DeliveryState.class));
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
