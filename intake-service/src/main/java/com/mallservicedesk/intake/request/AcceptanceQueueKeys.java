package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.store.WorkingSetKey;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the messages that waited for acceptance before the acceptance queue existed their key in it, so the console
 * shows them: a scan of the requests, run {@linkplain #once once}. Safe to run again and on two instances at once
 * (each write is conditioned on the message still waiting and still without a key).
 */
@Component
class AcceptanceQueueKeys extends LayoutConversion {

    static final String NAME = "request-acceptance-queue-keys";

    private final ReactiveMongoTemplate mongo;

    AcceptanceQueueKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Long> convert() {
        return once(mongo, NAME, mongo.find(withoutKey(), ServiceRequest.class)
                .concatMap(r -> mongo.updateFirst(withoutKey().addCriteria(Criteria.where("_id").is(r.getId())),
                        Update.update(ServiceRequest.ACCEPTANCE_QUEUE,
                                WorkingSetKey.of(r.getMallId(), r.getReceivedAt(), r.getId())), ServiceRequest.class))
                .filter(result -> result.getModifiedCount() > 0)
                .count());
    }

    private static Query withoutKey() {
        return Query.query(Criteria.where("status").is(RequestStatus.PENDING_ACCEPTANCE)
                .and(ServiceRequest.ACCEPTANCE_QUEUE).exists(false));
    }

    @Override
    protected String convertedMessage() {
        return "Requests: {} messages waiting for acceptance given their key in the acceptance queue";
    }
}
