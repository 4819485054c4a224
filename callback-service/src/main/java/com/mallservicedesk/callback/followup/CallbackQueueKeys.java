package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.store.KeyConversion;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the open callbacks stored before the queue was read by key their {@value Callback#QUEUE_KEY}, so the queue
 * shows them.
 */
@Component
class CallbackQueueKeys extends KeyConversion<Callback> {

    static final String NAME = "callback-queue-keys";

    private static final List<CallbackStatus> OPEN = Arrays.stream(CallbackStatus.values()).filter(CallbackStatus::open).toList();

    CallbackQueueKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, Callback.class, Callback.QUEUE_KEY, () -> Criteria.where("status").in(OPEN),
                Callback::placeInQueue,
                "Callbacks: {} open callbacks stored before the queue was read by key were given their key");
    }
}
