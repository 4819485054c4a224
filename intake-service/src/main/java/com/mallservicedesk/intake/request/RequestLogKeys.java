package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the requests received before the reception log was read by key their key in it, so its pages list them. A
 * one-time scan of every request at the first start of this version: on the local store about a minute and a half per
 * hundred thousand requests. It runs behind a service already serving: the log is read the earlier way, by mall,
 * until it is done ({@link RequestSearch}). Stopped midway, it goes on from where it stopped at the next start.
 */
@Component
class RequestLogKeys extends KeyConversion<ServiceRequest> {

    static final String NAME = "request-log-keys";

    RequestLogKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, ServiceRequest.class, ServiceRequest.LOG_KEY, () -> Criteria.where("mallId").exists(true),
                ServiceRequest::placeInLog,
                "Requests: {} requests received before the reception log was read by key were given their key");
    }

    @Override
    protected boolean runsInBackground() {
        return true;
    }
}
