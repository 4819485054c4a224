package com.mallservicedesk.intake.notice;

import com.mallservicedesk.intake.tenant.TenantDirectory;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.NewestFirstKey;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Publishes outage and other notices (停電/停水通知, seed 000 §4.10): every affected store gets a delivery
 * through the message gateway, and departments get the notice as an event.
 */
@Service
class NoticeBoard {

    private static final Logger log = LoggerFactory.getLogger(NoticeBoard.class);

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore<Notice> notices;
    private final TenantDirectory tenants;
    private final NoticeDeliveries deliveries;
    private final Clock clock;

    NoticeBoard(ReactiveMongoTemplate mongo, AggregateStores stores, TenantDirectory tenants, NoticeDeliveries deliveries,
                Clock clock) {
        this.mongo = mongo;
        this.notices = stores.of(Notice.class, "notice");
        this.tenants = tenants;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    Mono<Notice> publish(String mallId, PublishNotice body, PlatformUser user) {
        if (!body.endsAt().isAfter(body.startsAt())) {
            new FieldErrors().add("endsAt", "not-after-startsAt").throwIfAny();
        }
        String id = TimeOrderedIds.next();
        return tenants.affectedBy(mallId, body.floors(), body.zones())
                .map(t -> new Notice.Recipient(t.getId(), t.getName()))
                .collectList()
                .flatMap(recipients -> notices.create(Notice.publish(id, mallId, body, recipients, user.id(),
                        clock.instant())))
                .flatMap(notice -> deliveries.createFor(notice).thenReturn(notice))
                .doOnSuccess(notice -> deliveries.sendDue(notice.getId())
                        // Sending runs after the answer; whatever fails here the sweep retries.
                        .subscribe(sent -> { }, error -> log.warn("First sending of notice {} failed, the sweep retries: {}",
                                notice.getId(), error.toString())));
    }

    Mono<Notice> find(String mallId, String id) {
        return notices.find(mallId, id);
    }

    /**
     * The mall's notices, newest first (then by id): a page of the mall's range of the notices' log key, counted in the
     * index, so a page reads its own notices, with their recipients, however many the mall has published.
     */
    Mono<PageView<Notice>> page(String mallId, ListQuery list) {
        return NewestFirstKey.page(mongo, Notice.class, Notice.LOG_KEY,
                NewestFirstKey.between(Notice.LOG_KEY, mallId, null, null), list);
    }
}
