package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the messages that waited for acceptance before the acceptance queue existed their key in it, so the console
 * shows them.
 */
@Component
class AcceptanceQueueKeys extends KeyConversion<ServiceRequest> {

    static final String NAME = "request-acceptance-queue-keys";

    AcceptanceQueueKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, ServiceRequest.class, ServiceRequest.ACCEPTANCE_QUEUE,
                () -> Criteria.where("status").is(RequestStatus.PENDING_ACCEPTANCE),
                ServiceRequest::placeInAcceptanceQueue,
                "Requests: {} messages waiting for acceptance given their key in the acceptance queue");
    }
}
