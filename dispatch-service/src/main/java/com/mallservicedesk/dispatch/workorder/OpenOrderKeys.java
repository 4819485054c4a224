package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the open work orders stored before the open list was read by key their {@value WorkOrder#OPEN_KEY}, so the
 * department console shows them.
 */
@Component
class OpenOrderKeys extends KeyConversion<WorkOrder> {

    static final String NAME = "work-order-open-keys";

    OpenOrderKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, WorkOrder.class, WorkOrder.OPEN_KEY, () -> Criteria.where("status").in(WorkOrderSearch.OPEN),
                WorkOrder::placeInOpenSet,
                "Work orders: {} open orders stored before the open list was read by key were given their key");
    }
}
