package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the requests received before the reception log was read by status and key their key in their status's part,
 * as {@link RequestLogKeys} does for the whole log, behind a service already serving: until it is done, the log by
 * status is read the earlier way ({@link RequestSearch}).
 */
@Component
class StatusLogKeys extends KeyConversion<ServiceRequest> {

    static final String NAME = "request-status-log-keys";

    StatusLogKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, ServiceRequest.class, ServiceRequest.STATUS_LOG_KEY,
                () -> Criteria.where("status").exists(true), ServiceRequest::placeInStatusLog,
                "Requests: {} requests received before the log by status was read by key were given their key");
    }

    @Override
    protected boolean runsInBackground() {
        return true;
    }
}
