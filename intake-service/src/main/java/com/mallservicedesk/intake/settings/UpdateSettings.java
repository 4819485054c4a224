package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * The body of {@code PUT …/settings}; durations are ISO-8601 ({@code PT5M}). The first three are required; every
 * other setting left out (or null) keeps its stored value, or its default while the mall has none.
 *
 * @param gatewayUrl                 absent or null: the gateway stays as it is; empty: no gateway of the mall's own; an
 *                                   address: the new gateway (managers and the platform administrator only, checked by
 *                                   {@code GatewayUrlPolicy})
 * @param siteKind                   MALL or CAMPUS; a new kind without {@code deskHours} takes that kind's default hours
 * @param deskHours                  the front desk's working calendar, in the mall's {@code timeZone}
 * @param complaintHandoverLimit     desk time within which a complaint reaches the CS supervisor (seed 003 §2)
 * @param complaintInvestigationDays working days for the department's investigation of a complaint (seed 003 §2)
 * @param complaintFeedbackDays      working days to give the complaining customer feedback (seed 004 品質監控)
 * @param consultationReplyDays      working days to answer a consultation not answered on the spot (seed 003 §1)
 * @param suggestionEvaluationDays   working days to evaluate a suggestion (seed 003 §3)
 */
public record UpdateSettings(@NotNull Duration acceptanceLimit,
                             @NotNull Duration duplicateWindow,
                             @Size(max = 500) @PlainText String gatewayUrl,
                             @NotNull @Size(max = 60) @PlainText String timeZone,
                             SiteKind siteKind,
                             @Valid DeskHours deskHours,
                             Duration complaintHandoverLimit,
                             Integer complaintInvestigationDays,
                             Integer complaintFeedbackDays,
                             Integer consultationReplyDays,
                             Integer suggestionEvaluationDays) {

    /** The body as it was before site kinds, desk hours and the register's limits. */
    public UpdateSettings(Duration acceptanceLimit, Duration duplicateWindow, String gatewayUrl, String timeZone) {
        this(acceptanceLimit, duplicateWindow, gatewayUrl, timeZone, null, null, null, null, null, null, null);
    }
}
