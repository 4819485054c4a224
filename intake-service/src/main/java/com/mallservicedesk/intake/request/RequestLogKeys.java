package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the requests received before the reception log was read by key their key in it, so its pages list them. A
 * one-time scan of every request at the first start of this version: on a large store it takes a while (about a
 * minute per hundred thousand requests on the local store), and the service is ready once it is done.
 */
@Component
class RequestLogKeys extends KeyConversion<ServiceRequest> {

    static final String NAME = "request-log-keys";

    RequestLogKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, ServiceRequest.class, ServiceRequest.LOG_KEY, () -> Criteria.where("mallId").exists(true),
                ServiceRequest::placeInLog,
                "Requests: {} requests received before the reception log was read by key were given their key");
    }
}
