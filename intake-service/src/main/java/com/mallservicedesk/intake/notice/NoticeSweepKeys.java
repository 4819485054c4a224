package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.LayoutConversion;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the work stored before the notice sweep kept its keys those keys: open deliveries their entry in
 * {@value NoticeDeliveries#OPEN_DELIVERIES}, notices whose deliveries are not all made their key
 * {@value Notice#DELIVERIES_DUE}. Each is a scan, run {@linkplain #once once}. Safe to run again and on two instances at
 * once (inserts by key, writes conditioned on the key's absence).
 */
@Component
class NoticeSweepKeys extends LayoutConversion {

    static final String OPEN_ENTRIES = "notice-open-delivery-entries";
    static final String NOTICE_KEYS = "notice-deliveries-due-keys";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    NoticeSweepKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected Mono<Long> convert() {
        Instant now = clock.instant();
        var openDeliveries = mongo.find(Query.query(Criteria.where("state").in(NoticeDeliveries.OPEN)), Delivery.class)
                .concatMap(d -> InsertOnce.into(mongo, new Document("_id", d.id()).append("noticeId", d.noticeId())
                        .append("nextAttemptAt", Date.from(d.nextAttemptAt() == null ? now : d.nextAttemptAt()))
                        .append("since", Date.from(now)), NoticeDeliveries.OPEN_DELIVERIES));
        var unfinishedNotices = keyed(mongo, Notice.class, Notice.DELIVERIES_DUE,
                () -> Criteria.where("deliveriesCreated").is(false), n -> Notice.deliveriesDue(n.getId(), now));
        return once(mongo, OPEN_ENTRIES, openDeliveries.count())
                .zipWith(once(mongo, NOTICE_KEYS, unfinishedNotices), Long::sum);
    }

    @Override
    protected String convertedMessage() {
        return "Notices: {} deliveries and notices stored before the sweep's keys were given them";
    }
}
