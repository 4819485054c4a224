package com.mallservicedesk.intake.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/** The body of {@code PUT …/settings}; durations are ISO-8601 ({@code PT5M}). */
public record UpdateSettings(@NotNull Duration acceptanceLimit,
                             @NotNull Duration duplicateWindow,
                             @Size(max = 500) @Pattern(regexp = "https?://\\S+") String gatewayUrl,
                             @NotNull @Size(max = 60) String timeZone) {
}
