package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.inbox.EventHandlers;
import com.mallservicedesk.platform.inbox.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A consumer that counts how often it handled each parcel: deliberately not idempotent by itself, so the
 * count shows whether the inbox let an event through more than once.
 */
@Component
class ParcelReceipts {

    static final String COLLECTION = "parcel_receipts";

    private final EventInbox inbox;
    private final ReactiveMongoTemplate mongo;
    private final EventHandlers handlers;
    private final java.util.Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    ParcelReceipts(EventInbox inbox, ReactiveMongoTemplate mongo) {
        this.inbox = inbox;
        this.mongo = mongo;
        this.handlers = EventHandlers.forConsumer("kittest-receipts").on(Parcel.REGISTERED.type(), Parcel.Registered.class, this::count);
    }

    @KafkaListener(topics = "kittest.parcels.v1", groupId = "kittest-receipts")
    void on(List<ConsumerRecord<String, String>> records) {
        inbox.accept(records, handlers);
    }

    private Mono<?> count(IncomingEvent event, Parcel.Registered parcel) {
        attempts.merge(event.subject(), 1, Integer::sum);
        if ("explode".equals(parcel.label())) {
            return Mono.error(new IllegalStateException("handler failure requested by the test"));
        }
        if ("bad-date".equals(parcel.label())) {
            return Mono.error(new java.time.DateTimeException("a rule the data breaks, requested by the test"));
        }
        if (parcel.label().startsWith("store-away-") && attempts.get(event.subject()) <= Integer.parseInt(parcel.label().substring(11))) {
            return Mono.error(new org.springframework.dao.DataAccessResourceFailureException("store away, requested by the test"));
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(event.subject())), new Update().inc("count", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
    }

    /** How often the handler ran for a parcel, failed runs included. */
    int attemptsFor(String parcelId) {
        return attempts.getOrDefault(parcelId, 0);
    }

    Mono<Integer> countFor(String parcelId) {
        return mongo.findById(parcelId, Document.class, COLLECTION).map(d -> d.getInteger("count")).defaultIfEmpty(0);
    }
}
