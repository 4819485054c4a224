package com.mallservicedesk.intake.settings;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings a mall has until it stores its own (application.yml {@code intake.defaults}). */
@ConfigurationProperties("intake.defaults")
public record IntakeDefaults(@DefaultValue("PT5M") Duration acceptanceLimit,
                             @DefaultValue("PT30M") Duration duplicateWindow,
                             String gatewayUrl,
                             @DefaultValue("Asia/Shanghai") ZoneId timeZone) {
}
