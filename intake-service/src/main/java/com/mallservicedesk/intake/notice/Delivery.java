package com.mallservicedesk.intake.notice;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One notice to one store through the message gateway. The id is {@code <noticeId>:<tenantId>}, so creating
 * deliveries again after a crash makes no second one. The moves of its counts not yet applied are stored beside
 * these fields ({@link DeliveryCounts}), and not part of the record.
 *
 * @param lastError      a {@link DeliveryFailure} code
 * @param lastHttpStatus the gateway's HTTP status on the last failed try, if it answered
 */
@Document(Delivery.COLLECTION)
@CompoundIndex(name = DeliveryCounts.DUE, def = "{'" + DeliveryCounts.DUE + "': 1}", unique = true, sparse = true)
public record Delivery(@Id String id, String mallId, String noticeId, String tenantId, String tenantName,
                       DeliveryState state, int attempts, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                       Instant sentAt, Instant acknowledgedAt, Instant lockedUntil, String lockedBy, Integer lastHttpStatus) {

    static final String COLLECTION = "notice_deliveries";

    static String idOf(String noticeId, String tenantId) {
        return noticeId + ":" + tenantId;
    }

    /** Every delivery of a notice: their ids begin with the notice's, so they are one range of the id index. */
    static Query ofNotice(String noticeId) {
        return Query.query(Criteria.where("_id").gte(noticeId + ":").lt(noticeId + ";"));
    }
}
