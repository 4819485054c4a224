package com.mallservicedesk.dispatch.mall;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Dispatch's trimmed copy of a mall's settings from intake (contract C1), one document per mall ({@code _id} =
 * mallId), replaced only by a higher revision.
 */
@Document("mall_settings")
record MallSettings(@Id String mallId, long revision, String timeZone, String siteKind, StoredCalendar deskHours,
                    Instant changedAt, Instant storedAt) {
}
