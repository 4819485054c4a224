package com.mallservicedesk.intake.settings;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings a mall has until it stores its own (application.yml {@code intake.defaults}). Desk hours have no
 * setting here: a mall's default follows its site kind (seed 000 §3.1.1, seed 001 §二.1).
 */
@ConfigurationProperties("intake.defaults")
public record IntakeDefaults(@DefaultValue("PT5M") Duration acceptanceLimit,
                             @DefaultValue("PT30M") Duration duplicateWindow,
                             String gatewayUrl,
                             @DefaultValue("Asia/Shanghai") ZoneId timeZone,
                             @DefaultValue("MALL") SiteKind siteKind,
                             @DefaultValue("PT30M") Duration complaintHandoverLimit,
                             @DefaultValue("3") int complaintInvestigationDays,
                             @DefaultValue("5") int complaintFeedbackDays,
                             @DefaultValue("1") int consultationReplyDays,
                             @DefaultValue("5") int suggestionEvaluationDays) {
}
