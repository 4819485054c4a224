package com.mallservicedesk.intake.notice;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice to one store through the message gateway. The id is {@code <noticeId>:<tenantId>}, so creating
 * deliveries again after a crash makes no second one. The moves of its counts not yet applied are stored beside
 * these fields ({@link DeliveryCounts}), and not part of the record.
 *
 * @param lastError      a {@link DeliveryFailure} code
 * @param lastHttpStatus the gateway's HTTP status on the last failed try, if it answered
 */
@Document(Delivery.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "notice", def = "{'noticeId': 1}"),
        @CompoundIndex(name = "notice_page", def = "{'noticeId': 1, 'tenantName': 1, '_id': 1}"),
        @CompoundIndex(name = "notice_state", def = "{'noticeId': 1, 'state': 1, 'tenantName': 1, '_id': 1}"),
        @CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = DeliveryCounts.DUE, def = "{'" + DeliveryCounts.DUE + "': 1}", unique = true, sparse = true)
})
public record Delivery(@Id String id, String mallId, String noticeId, String tenantId, String tenantName,
                       DeliveryState state, int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                       Instant sentAt, Instant acknowledgedAt, Instant lockedUntil, String lockedBy, Integer lastHttpStatus) {

    static final String COLLECTION = "notice_deliveries";

    static String idOf(String noticeId, String tenantId) {
        return noticeId + ":" + tenantId;
    }
}
