package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One mall's intake rules as the other features read them: stored ({@link MallIntakeSettings}), or the seed defaults
 * ({@link IntakeDefaults}) for a mall that has stored none.
 *
 * @param acceptanceLimit            online messages must be accepted within this desk time (seed 001 §二.3: 5 minutes)
 * @param duplicateWindow            reports of the same kind, floor and zone within this window are possible duplicates
 * @param gatewayUrl                 the mall's outbound message gateway (HTTP webhook) for notices; none: the platform's
 *                                   default gateway, if any, else deliveries wait
 * @param gatewaySetByPlatform       the platform administrator (or the platform's configuration) chose the gateway, so
 *                                   it need not be on the allow-list; null for documents stored before this was recorded
 * @param timeZone                   the mall's local time: request numbers count per local day; the desk hours' zone
 * @param siteKind                   MALL or CAMPUS: chooses the default desk hours
 * @param deskHours                  when the front desk works: service-level clocks count in these hours
 * @param complaintHandoverLimit     a complaint is passed to the CS supervisor within this desk time (seed 003 §2)
 * @param complaintInvestigationDays the department investigates a complaint within these working days (seed 003 §2)
 * @param complaintFeedbackDays      the customer hears back within these working days (seed 004 品質監控)
 * @param consultationReplyDays      a consultation not answered on the spot is answered within these (seed 003 §1)
 * @param suggestionEvaluationDays   a suggestion is evaluated within these working days (seed 003 §3)
 * @param revision                   grows by one with every change; 0 while the mall runs on the defaults
 */
public record IntakeSettings(String mallId, Duration acceptanceLimit, Duration duplicateWindow, String gatewayUrl,
                             Boolean gatewaySetByPlatform, ZoneId timeZone, Instant updatedAt, String updatedBy,
                             SiteKind siteKind, WorkingCalendar deskHours, Duration complaintHandoverLimit,
                             int complaintInvestigationDays, int complaintFeedbackDays, int consultationReplyDays,
                             int suggestionEvaluationDays, long revision) {

    public boolean gatewayChosenByPlatform() {
        return Boolean.TRUE.equals(gatewaySetByPlatform);
    }

    /** The desk hours a site kind has until the mall sets its own. */
    public static WorkingCalendar defaultDeskHours(SiteKind kind, ZoneId zone) {
        return kind == SiteKind.CAMPUS ? WorkingCalendar.aroundTheClock(zone) : WorkingCalendar.mallDeskHours(zone);
    }
}
