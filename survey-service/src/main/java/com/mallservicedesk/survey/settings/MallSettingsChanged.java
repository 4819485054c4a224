package com.mallservicedesk.survey.settings;

import java.time.Instant;

/**
 * Survey's trimmed copy of intake's {@code mall.intake.mall-settings.changed.v1} (contract C1): survey counts months
 * and days in the mall's zone and needs nothing else of it (desk hours and other fields are ignored).
 */
record MallSettingsChanged(String mallId, Long revision, String timeZone, String siteKind, Instant changedAt) {
}
