package com.mallservicedesk.survey.satisfaction;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One callback's answer, kept once per callback (its id): the monthly figures move only when this is first stored,
 * so counting is exact however often the event arrives.
 *
 * @param satisfied all answered aspects at a satisfied level (what callback-service calls satisfied)
 */
@Document("callback_satisfaction")
record CallbackSatisfaction(@Id String callbackId, String mallId, String month, String requestId, String kind,
                            String department, boolean satisfied, int satisfiedItems, int surveyedItems,
                            Instant completedAt) {
}
