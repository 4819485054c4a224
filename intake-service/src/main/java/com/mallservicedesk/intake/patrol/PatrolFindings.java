package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Records patrol findings and their rectification (seed 002 一.3(4), 一.4(1)). */
@Service
class PatrolFindings {

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore<PatrolFinding> store;
    private final PatrolMetrics metrics;
    private final Clock clock;

    PatrolFindings(ReactiveMongoTemplate mongo, AggregateStores stores, PatrolMetrics metrics, Clock clock) {
        this.mongo = mongo;
        this.store = stores.of(PatrolFinding.class, "patrol-finding");
        this.metrics = metrics;
        this.clock = clock;
    }

    AggregateStore<PatrolFinding> store() {
        return store;
    }

    Mono<PatrolFinding> record(String mallId, RecordFinding body, PlatformUser user) {
        return Mono.defer(() -> store.create(PatrolFinding.record(TimeOrderedIds.next(), mallId, body, user.id(),
                        clock.instant())))
                .doOnSuccess(saved -> metrics.recorded(mallId));
    }

    Mono<PatrolFinding> find(String mallId, String id) {
        return store.find(mallId, id);
    }

    Mono<PatrolFinding> noteProgress(String mallId, String id, String note, PlatformUser user) {
        return mayWorkOn(mallId, id, user).then(store.change(mallId, id,
                f -> f.noteProgress(note, user.id(), user.department(), clock.instant())));
    }

    Mono<PatrolFinding> rectify(String mallId, String id, String note, PlatformUser user) {
        return mayWorkOn(mallId, id, user).then(store.change(mallId, id, f -> f.rectify(note, user.id(), clock.instant())));
    }

    /**
     * Progress and rectification come from the responsible department (通知責任部門限期整改) or from the supervisor or
     * manager who follows the finding; staff of another department get a 403.
     */
    private Mono<Void> mayWorkOn(String mallId, String id, PlatformUser user) {
        if (user.has(Role.SUPERVISOR) || user.has(Role.MANAGER)) {
            return store.find(mallId, id).then();
        }
        return store.find(mallId, id).flatMap(f -> f.getResponsible().department().equals(user.department())
                ? Mono.<Void>empty()
                : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "patrol-finding-other-department", id,
                        f.getResponsible().department())));
    }

    /** Open findings first (earliest deadline first), then rectified ones; optionally one status or department. */
    Mono<PageView<PatrolFinding>> page(String mallId, FindingStatus status, String department, ListQuery list) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (department != null) {
            criteria = criteria.and("responsible.department").is(department);
        }
        Query query = Query.query(criteria);
        var items = mongo.find(Query.of(query).with(Sort.by("rectified", "deadline", "_id")).skip(list.offset())
                .limit(list.size()), PatrolFinding.class).collectList();
        return Mono.zip(items, mongo.count(query, PatrolFinding.class)).map(t -> list.page(t.getT1(), t.getT2()));
    }
}
