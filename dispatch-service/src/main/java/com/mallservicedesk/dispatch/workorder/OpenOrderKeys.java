package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.store.LayoutConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the open work orders stored before the open list was read by key their {@value WorkOrder#OPEN_KEY}, so the
 * department console shows them. A scan of the work orders, run {@linkplain #once once}. Safe to run again and on
 * two instances at once: each write is conditioned on the order being open and having no key, so it neither gives an
 * order closed meanwhile a key nor overwrites one its save stored.
 */
@Component
class OpenOrderKeys extends LayoutConversion {

    static final String NAME = "work-order-open-keys";

    private final ReactiveMongoTemplate mongo;

    OpenOrderKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Long> convert() {
        return once(mongo, NAME, keyed(mongo, WorkOrder.class, WorkOrder.OPEN_KEY,
                () -> Criteria.where("status").in(WorkOrderSearch.OPEN), WorkOrder::placeInOpenSet));
    }

    @Override
    protected String convertedMessage() {
        return "Work orders: {} open orders stored before the open list was read by key were given their key";
    }
}
