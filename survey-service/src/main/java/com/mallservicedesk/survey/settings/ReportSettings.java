package com.mallservicedesk.survey.settings;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's report settings, keyed by the mall. Survey keeps the time zone its months and days are counted in until the
 * platform has one shared mall setting.
 */
@Document("report_settings")
record ReportSettings(@Id String mallId, String zone, Instant updatedAt, String updatedBy) {
}
