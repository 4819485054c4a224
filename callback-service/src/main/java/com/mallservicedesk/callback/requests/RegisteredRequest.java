package com.mallservicedesk.callback.requests;

/** Callback's own trimmed copy of {@code mall.intake.request.registered.v1}: no name, no phone. */
record RegisteredRequest(String requestId, String channel, String kind, Customer customer) {

    record Customer(String type, String tenantId) {
    }
}
