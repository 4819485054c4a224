package com.mallservicedesk.survey.satisfaction;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One callback's answer, kept once per callback (its id), so counting is exact however often the event
 * arrives.
 */
@Document("callback_satisfaction")
@CompoundIndex(name = "mall_month", def = "{'mallId': 1, 'month': 1}")
record CallbackSatisfaction(@Id String callbackId, String mallId, String month, String requestId, String kind,
                            String department, boolean satisfied, Instant completedAt) {
}
