package com.mallservicedesk.callback.followup;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The latest round of each work order whose completion callback-service has seen, one small document per work order
 * ({@code <mall>|<workOrderId>}) that only grows ({@code $max}). A completion of an earlier round that arrives after a
 * later one (a replay, or events out of order) is stale: that round was reopened and done again, and its customer is
 * called back for the later round only.
 */
@Component
class LatestRounds {

    static final String COLLECTION = "callback_work_order_rounds";

    private final ReactiveMongoTemplate mongo;

    LatestRounds(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Notes the round and tells whether it is still the work order's latest (a redelivery of it is). */
    Mono<Boolean> isLatest(String mallId, String workOrderId, int round) {
        var byKey = Query.query(Criteria.where("_id").is(mallId + "|" + workOrderId));
        var update = new Update().max("latestRound", round).setOnInsert("mallId", mallId)
                .setOnInsert("workOrderId", workOrderId);
        return mongo.findAndModify(byKey, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                // Two first writes racing: one inserted, the other finds it on its second try.
                .retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance))
                .map(stored -> stored.get("latestRound", Number.class).intValue() <= round)
                .defaultIfEmpty(true);
    }
}
