package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.request.Customer.CustomerType;

/**
 * Someone who reported the matter, kept on the request that carries the work so the callback reaches
 * every reporter of merged duplicates. Personal data.
 */
public record Reporter(String requestId, String number, String name, String phone, CustomerType type) {
}
