package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.store.LayoutConversion;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the open callbacks stored before the queue was read by key their {@value Callback#QUEUE_KEY}, so the queue
 * shows them. A scan of the callbacks, run {@linkplain #once once}. Safe to run again and on two instances at once:
 * each write is conditioned on the callback being open and having no key, so it neither gives a callback closed
 * meanwhile a key nor overwrites one its save stored.
 */
@Component
class CallbackQueueKeys extends LayoutConversion {

    static final String NAME = "callback-queue-keys";

    private static final List<CallbackStatus> OPEN = Arrays.stream(CallbackStatus.values()).filter(CallbackStatus::open).toList();

    private final ReactiveMongoTemplate mongo;

    CallbackQueueKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Long> convert() {
        return once(mongo, NAME, keyed(mongo, Callback.class, Callback.QUEUE_KEY, () -> Criteria.where("status").in(OPEN),
                Callback::placeInQueue));
    }

    @Override
    protected String convertedMessage() {
        return "Callbacks: {} open callbacks stored before the queue was read by key were given their key";
    }
}
