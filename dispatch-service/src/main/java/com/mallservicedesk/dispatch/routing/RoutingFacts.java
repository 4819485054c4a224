package com.mallservicedesk.dispatch.routing;

/** What routing rules look at in a registered request. */
public record RoutingFacts(String kind, String category, String channel, String floor, String zone) {
}
