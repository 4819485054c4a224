package com.mallservicedesk.survey.improvement;

import java.time.Instant;
import java.time.ZoneId;

/** A survey item whose satisfaction is below the target: what an improvement action is opened for. */
public record ItemBelowTarget(String surveyId, String period, String form, String itemCode, String itemTitle,
                              String department, Double satisfaction, Double target, Instant closedAt, ZoneId zone) {
}
