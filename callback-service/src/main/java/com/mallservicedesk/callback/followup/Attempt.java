package com.mallservicedesk.callback.followup;

import java.time.Instant;

/** One try to reach the customer, as the callback record keeps it (seed 000 §4.8: recorded on the reception log). */
public record Attempt(Instant at, CallbackMethod method, AttemptOutcome outcome, String note, String by) {
}
