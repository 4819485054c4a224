package com.mallservicedesk.intake.request;

/** The user who registered the request: first-contact responsibility (首問責任制) until it is closed. */
public record Owner(String id, String name) {
}
