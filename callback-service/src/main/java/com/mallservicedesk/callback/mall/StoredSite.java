package com.mallservicedesk.callback.mall;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mall's settings as last received, keyed by the mall. The desk's calendar is kept as intake sent it (JSON text),
 * so dates and weekdays need no mapping of their own.
 */
@Document("mall_sites")
record StoredSite(@Id String mallId, long revision, String timeZone, SiteKind siteKind, String deskHours,
                  Instant changedAt, Instant receivedAt) {
}
