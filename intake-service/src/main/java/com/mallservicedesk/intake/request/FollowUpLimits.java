package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.settings.IntakeSettings;
import com.mallservicedesk.platform.calendar.WorkingCalendar;

/**
 * The mall's limits for the follow-ups, from its settings when the request is registered.
 *
 * @param consultationReplyDays    working days to answer a consultation not answered on the spot (seed 003)
 * @param suggestionEvaluationDays working days to evaluate a suggestion (seed 003 §3)
 */
record FollowUpLimits(WorkingCalendar deskHours, int consultationReplyDays, int suggestionEvaluationDays) {

    static FollowUpLimits of(IntakeSettings mall) {
        return new FollowUpLimits(mall.deskHours(), mall.consultationReplyDays(), mall.suggestionEvaluationDays());
    }
}
