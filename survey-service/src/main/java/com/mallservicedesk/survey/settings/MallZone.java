package com.mallservicedesk.survey.settings;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One mall's time zone as intake's mall settings last set it, keyed by the mall, with the settings' revision. */
@Document("mall_zones")
record MallZone(@Id String mallId, long revision, String timeZone, String siteKind, Instant changedAt,
                Instant receivedAt) {
}
