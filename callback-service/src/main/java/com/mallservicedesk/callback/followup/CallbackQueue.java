package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.InMemoryOrder;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The desk's work list: a mall's callbacks by status and kind, in the order asked (soonest due first), a page at a time.
 * The queue the console polls asks for open statuses only: it is read as the mall's open callbacks (their
 * {@value Callback#QUEUE_KEY}, one range of its index) and filtered, ordered and paged here, so it costs as much as
 * the mall has open, however many callbacks are done. A list with a closed status (history, by hand) is a query of
 * the mall's callbacks.
 */
@Component
class CallbackQueue {

    /** The orders the list offers, compared as MongoDB sorts them: ascending, a missing value before any other. */
    static final Map<String, Comparator<Callback>> ORDERS = Map.of(
            "dueAt", InMemoryOrder.byTime(Callback::getDueAt),
            "createdAt", InMemoryOrder.byTime(Callback::getCreatedAt),
            "_id", InMemoryOrder.byText(Callback::getId));

    private final ReactiveMongoTemplate mongo;

    CallbackQueue(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<PageView<Callback>> page(String mallId, List<CallbackStatus> statuses, CallbackKind kind, ListQuery list) {
        Optional<Comparator<Callback>> order = InMemoryOrder.of(list.sort(), ORDERS);
        if (!statuses.isEmpty() && statuses.stream().allMatch(CallbackStatus::open) && order.isPresent()) {
            return openPage(mallId, statuses, kind, list, order.get());
        }
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

    /**
     * The page of the mall's open callbacks: the query is nothing but the range of the key (the local store walks a
     * unique index in order only then); status and kind are matched here as the query above matches the stored fields.
     */
    private Mono<PageView<Callback>> openPage(String mallId, List<CallbackStatus> statuses, CallbackKind kind,
                                              ListQuery list, Comparator<Callback> order) {
        return mongo.find(WorkingSetKey.ofMall(Callback.QUEUE_KEY, mallId), Callback.class)
                .filter(c -> mallId.equals(c.getMallId()) && statuses.contains(c.getStatus())
                        && (kind == null || kind == c.storedCallbackKind()))
                .collectSortedList(order)
                .map(list::slice);
    }
}
