package com.mallservicedesk.intake.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Notices and deliveries stored before the sweep kept its keys: adopted once, so the sweep finishes them. */
class WorkStoredBeforeTest extends IntakeIntegrationTest {

    @Autowired
    NoticeSweepKeys sweepKeys;

    @Test
    void anUnfinishedNoticeAndAnOpenDeliveryWithoutKeysAreAdoptedAndFinished() {
        String mall = newMall();
        Instant now = Instant.now();
        // A notice whose publishing stopped before its deliveries were made, stored without the sweep's key.
        String noticeId = "before-keys-" + UUID.randomUUID();
        mongo.insert(new Document("_id", noticeId).append("mallId", mall).append("kind", "WATER")
                .append("floors", List.of("5F")).append("zones", List.of()).append("message", "五樓停水")
                .append("startsAt", Date.from(now)).append("endsAt", Date.from(now.plusSeconds(60)))
                .append("publishedAt", Date.from(now.minusSeconds(600))).append("publishedBy", "front-desk")
                .append("recipients", List.of(new Document("tenantId", "t1").append("tenantName", "海底撈")))
                .append("deliveriesCreated", false), "notices").block();
        // A delivery left failed, stored before open deliveries had their entries.
        String deliveryId = Delivery.idOf("before-entries-" + UUID.randomUUID(), "t2");
        mongo.insert(new Document("_id", deliveryId).append("mallId", mall).append("noticeId", "gone")
                .append("tenantId", "t2").append("tenantName", "無印良品").append("state", "FAILED").append("attempts", 1)
                .append("nextAttemptAt", Date.from(now.plusSeconds(3600))), Delivery.COLLECTION).block();
        mongo.remove(Query.query(Criteria.where("_id").in(NoticeSweepKeys.OPEN_ENTRIES, NoticeSweepKeys.NOTICE_KEYS)),
                LayoutConversion.DONE).block();

        assertThat(sweepKeys.convert().block()).isGreaterThanOrEqualTo(2);
        assertThat(sweepKeys.convert().block()).isZero();

        Document entry = mongo.findById(deliveryId, Document.class, NoticeDeliveries.OPEN_DELIVERIES).block();
        assertThat(entry).isNotNull();
        assertThat(entry.getDate("nextAttemptAt")).isEqualTo(Date.from(now.plusSeconds(3600)));
        await().atMost(shortly()).untilAsserted(() -> assertThat(mongo.findById(noticeId, Document.class, "notices").block())
                .containsEntry("deliveriesCreated", true).doesNotContainKey(Notice.DELIVERIES_DUE));
        assertThat(mongo.find(Delivery.ofNotice(noticeId), Delivery.class).collectList().block())
                .singleElement().satisfies(d -> assertThat(d.tenantName()).isEqualTo("海底撈"));
    }
}
