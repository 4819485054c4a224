package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * The body of {@code PUT …/settings}; durations are ISO-8601 ({@code PT5M}).
 *
 * @param gatewayUrl absent or null: the gateway stays as it is; empty: no gateway of the mall's own; an address: the
 *                   new gateway (managers and the platform administrator only, checked by {@code GatewayUrlPolicy})
 */
public record UpdateSettings(@NotNull Duration acceptanceLimit,
                             @NotNull Duration duplicateWindow,
                             @Size(max = 500) @PlainText String gatewayUrl,
                             @NotNull @Size(max = 60) @PlainText String timeZone) {
}
