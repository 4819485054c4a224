package com.mallservicedesk.dispatch.sla;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * A mall's service levels. Working-time rules count in the assigned department's calendar; the dispatch and the
 * 48-hour repair rule count elapsed time (the seeds state them as minutes and days after the fact).
 *
 * @param dispatchWithin                   seed 001 §二.3, default PT5M, elapsed time after acceptance
 * @param contactWithin                    seed 000 §4.5 ("at once"), default PT15M of working time
 * @param sameDayHandling                  seed 000 §4.6: done by closing time or a promised time given
 * @param repairCompletionWithin           seed 000 §4.4.3, default PT48H elapsed
 * @param complaintInvestigationWorkingDays seed 003 §2, default 3 working days
 * <p>There is no "complaint to the supervisor within [X] minutes" here: seed 003 §2 asks that of the front desk
 * (the hand-over of a complaint), which intake tracks in its complaint register. The department's part of a complaint
 * is to contact the customer at once (seed 000 §4.5, {@code contactWithin}) and to investigate it in [X] working days.
 * @see SlaPolicyLimits for the bounds of each value (checked with a 422 naming every field out of bounds)
 */
public record SlaPolicy(@NotNull Duration dispatchWithin, @NotNull Duration contactWithin, boolean sameDayHandling,
                        @NotNull Duration repairCompletionWithin, int complaintInvestigationWorkingDays) {
}
