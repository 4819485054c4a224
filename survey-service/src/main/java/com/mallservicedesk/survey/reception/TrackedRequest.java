package com.mallservicedesk.survey.reception;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What survey keeps of one request, by its id: its kind and channel and the month and day it was received in, so
 * its later closing moves the figures of the period it belongs to.
 *
 * @param outcome OPEN until closed (ANSWERED_ON_SPOT, SATISFIED_CALLBACK), CANCELLED or MERGED
 */
@Document("tracked_requests")
record TrackedRequest(@Id String requestId, String mallId, String kind, String channel, Instant receivedAt,
                      String month, String day, String zone, String outcome, Instant endedAt) {

    static final String OPEN = "OPEN";
}
