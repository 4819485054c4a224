package com.mallservicedesk.intake.settings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mall's intake rules. A mall without a stored document runs on the seed defaults
 * ({@link IntakeDefaults}).
 *
 * @param acceptanceLimit      online messages must be accepted within this time (seed 001 §二.3: 5 minutes)
 * @param duplicateWindow      reports of the same kind, floor and zone within this window are possible duplicates
 * @param gatewayUrl           the mall's outbound message gateway (HTTP webhook) for notices; none: the platform's
 *                             default gateway, if any, else deliveries wait
 * @param gatewaySetByPlatform the platform administrator (or the platform's configuration) chose the gateway, so it
 *                             need not be on the allow-list; null for documents stored before this was recorded
 * @param timeZone             the mall's local time: request numbers count per local day
 */
@Document("intake_settings")
public record IntakeSettings(@Id String mallId, Duration acceptanceLimit, Duration duplicateWindow, String gatewayUrl,
                             Boolean gatewaySetByPlatform, ZoneId timeZone, Instant updatedAt, String updatedBy) {

    public boolean gatewayChosenByPlatform() {
        return Boolean.TRUE.equals(gatewaySetByPlatform);
    }
}
