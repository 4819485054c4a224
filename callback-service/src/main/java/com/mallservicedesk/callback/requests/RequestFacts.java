package com.mallservicedesk.callback.requests;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What callback-service keeps of a registered request to decide whether its completed work is called back: who the
 * customer was (an internal property service needs no callback, seed 000 §4.9) and whether a store can be visited.
 * Keyed by the request id; no contact details (the completed work order brings those).
 *
 * @param customerType {@code SHOPPER}, {@code TENANT}, {@code OWNER} or {@code INTERNAL} (intake's catalogue), null if none
 * @param tenantId     the store the customer belongs to, which the desk can visit (上門回訪, seed 000 §4.1)
 */
@Document("callback_request_facts")
public record RequestFacts(@Id String requestId, String mallId, String channel, String kind, String customerType,
                           String tenantId) {

    /**
     * Internal property services (物業內部服務可不作回訪, seed 000 §4.9): a request by the property's own staff, or a
     * finding of its own patrols (seed 002) that no customer reported.
     */
    public boolean internalService() {
        return "INTERNAL".equals(customerType) || ("PATROL".equals(channel) && customerType == null);
    }
}
