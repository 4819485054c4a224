package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Stores public-area usage applications and applies their steps the kit's one way (seed 000 公共區域使用管理規程). */
@Service
class PublicAreaApplications {

    /** Customer service's own opinion is filed under this code when the reviewer has no department. */
    static final String CUSTOMER_SERVICE = "CS";

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore<PublicAreaApplication> store;
    private final Clock clock;

    PublicAreaApplications(ReactiveMongoTemplate mongo, AggregateStores stores, Clock clock) {
        this.mongo = mongo;
        this.store = stores.of(PublicAreaApplication.class, "public-area-application");
        this.clock = clock;
    }

    Mono<PublicAreaApplication> submit(String mallId, ApplicationBodies.Submit body, PlatformUser user) {
        return Mono.defer(() -> store.create(PublicAreaApplication.submit(TimeOrderedIds.next(), mallId, body,
                user.id(), clock.instant())));
    }

    Mono<PublicAreaApplication> find(String mallId, String id) {
        return store.find(mallId, id);
    }

    Mono<PublicAreaApplication> review(String mallId, String id, ApplicationBodies.Review body, PlatformUser user) {
        String department = user.department() == null ? CUSTOMER_SERVICE : user.department();
        return change(mallId, id, (a, now) -> a.review(body, user.id(), department, now));
    }

    Mono<PublicAreaApplication> decide(String mallId, String id, ApplicationBodies.Decide body, PlatformUser user) {
        return change(mallId, id, (a, now) -> a.decide(body.approved(), body.note(), user.id(), now));
    }

    Mono<PublicAreaApplication> schedule(String mallId, String id, ApplicationBodies.Schedule body, PlatformUser user) {
        return change(mallId, id, (a, now) -> a.schedule(body.contractor(), body.scheduleReference(), user.id(), now));
    }

    Mono<PublicAreaApplication> inspect(String mallId, String id, ApplicationBodies.Inspect body, PlatformUser user) {
        return change(mallId, id, (a, now) -> a.inspect(body, user.id(), now));
    }

    Mono<PublicAreaApplication> inspectCompletion(String mallId, String id, ApplicationBodies.InspectCompletion body,
                                                  PlatformUser user) {
        return change(mallId, id, (a, now) -> a.inspectCompletion(body, user.id(), now));
    }

    Mono<PublicAreaApplication> close(String mallId, String id, PlatformUser user) {
        return change(mallId, id, (a, now) -> a.close(user.id(), now));
    }

    private Mono<PublicAreaApplication> change(String mallId, String id,
                                               BiFunction<PublicAreaApplication, Instant, List<DomainEvent>> step) {
        return store.change(mallId, id, a -> step.apply(a, clock.instant()));
    }

    /** Newest first, optionally one status. */
    Mono<PageView<PublicAreaApplication>> page(String mallId, ApplicationStatus status, ListQuery list) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        var items = mongo.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))
                .skip(list.offset()).limit(list.size()), PublicAreaApplication.class).collectList();
        return Mono.zip(items, mongo.count(query, PublicAreaApplication.class)).map(t -> list.page(t.getT1(), t.getT2()));
    }
}
