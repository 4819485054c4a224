package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.KeyConversion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the requests received before the reception log was read by key their keys in it, the whole log's and their
 * status's part's, so its pages list them. A one-time scan of every request at the first start of this version, both
 * keys in the same scan: on the local store about a minute and a half per hundred thousand requests. It runs behind a
 * service already serving: the log is read the earlier way, by mall, until it is done ({@link RequestSearch}). Stopped
 * midway, it goes on from where it stopped at the next start.
 */
@Component
class RequestLogKeys extends KeyConversion<ServiceRequest> {

    static final String NAME = "request-log-keys";

    RequestLogKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, ServiceRequest.class, keys(), () -> Criteria.where("mallId").exists(true),
                "Requests: {} requests received before the reception log was read by key were given their keys");
    }

    private static Map<String, Function<ServiceRequest, String>> keys() {
        Map<String, Function<ServiceRequest, String>> keys = new LinkedHashMap<>();
        keys.put(ServiceRequest.LOG_KEY, ServiceRequest::placeInLog);
        keys.put(ServiceRequest.STATUS_LOG_KEY, ServiceRequest::placeInStatusLog);
        return keys;
    }

    @Override
    protected boolean runsInBackground() {
        return true;
    }
}
