package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The desk's work list: a mall's callbacks by status and kind, in the order asked (soonest due first), a page at a time. */
@Component
class CallbackQueue {

    private final ReactiveMongoTemplate mongo;

    CallbackQueue(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<PageView<Callback>> page(String mallId, List<CallbackStatus> statuses, CallbackKind kind, ListQuery list) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (!statuses.isEmpty()) {
            criteria = criteria.and("status").in(statuses);
        }
        if (kind != null) {
            criteria = criteria.and("callbackKind").is(kind);
        }
        Query query = Query.query(criteria);
        Mono<Long> total = mongo.count(query, Callback.class);
        Mono<List<Callback>> items = mongo.find(Query.of(query).with(list.sort()).skip(list.offset())
                .limit(list.size()), Callback.class).collectList();
        return Mono.zip(items, total).map(t -> list.page(t.getT1(), t.getT2()));
    }
}
