package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.LayoutConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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
        return once(mongo, NAME, keyed(mongo, ServiceRequest.class, ServiceRequest.ACCEPTANCE_QUEUE,
                () -> Criteria.where("status").is(RequestStatus.PENDING_ACCEPTANCE),
                ServiceRequest::placeInAcceptanceQueue));
    }

    @Override
    protected String convertedMessage() {
        return "Requests: {} messages waiting for acceptance given their key in the acceptance queue";
    }
}
