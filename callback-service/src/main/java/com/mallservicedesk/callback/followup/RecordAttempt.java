package com.mallservicedesk.callback.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A try to reach the customer. {@code attemptedAt} lets the desk log a call made earlier (defaults to now; never in
 * the future, never before the work was completed).
 */
record RecordAttempt(@NotNull CallbackMethod method, @NotNull AttemptOutcome outcome, @Size(max = 500) String note,
                     Instant attemptedAt) {
}
