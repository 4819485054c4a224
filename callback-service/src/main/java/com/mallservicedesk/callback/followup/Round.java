package com.mallservicedesk.callback.followup;

import java.time.Instant;
import java.util.List;

/** One round of the chain for one work order: the callback after each completion, until the customer is satisfied. */
public record Round(int round, String callbackId, CallbackStatus status, Boolean satisfied, List<String> dissatisfiedWith,
                    Instant completedAt) {
}
