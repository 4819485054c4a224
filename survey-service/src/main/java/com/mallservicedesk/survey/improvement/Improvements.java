package com.mallservicedesk.survey.improvement;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opens an improvement action for every survey item below the target and records the manager's plans. */
@Service
public class Improvements {

    private final AggregateStore<Improvement> store;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Period dueAfter;

    Improvements(AggregateStores stores, ReactiveMongoTemplate mongo, Clock clock,
                 @Value("${survey.campaigns.improvement-due-after:P30D}") Period dueAfter) {
        this.store = stores.of(Improvement.class, "improvement");
        this.mongo = mongo;
        this.clock = clock;
        this.dueAfter = dueAfter;
    }

    /** Idempotent: one action per survey, form and item, whoever asks how often. */
    public Mono<Void> openFor(String mallId, List<ItemBelowTarget> items) {
        return Flux.fromIterable(items)
                .concatMap(item -> {
                    LocalDate due = item.closedAt().atZone(item.zone()).toLocalDate().plus(dueAfter);
                    return store.create(Improvement.open(mallId, item, due, clock.instant()));
                })
                .then();
    }

    /** The survey's actions, by form and item (a query by mall and survey: a survey has a handful). */
    public Flux<ImprovementView> ofSurvey(String mallId, String surveyId) {
        return mongo.find(Query.query(Criteria.where("mallId").is(mallId).and("surveyId").is(surveyId))
                        .with(Sort.by("_id")), Improvement.class)
                .map(ImprovementView::of);
    }

    /** A page of the mall's actions (a paged query by mall; index mall_opened). */
    Mono<PageView<ImprovementView>> ofMall(String mallId, ImprovementStatus status, ListQuery list) {
        var criteria = Criteria.where("mallId").is(mallId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        Mono<List<ImprovementView>> items = mongo.find(Query.of(query).with(list.sort()).skip(list.offset())
                .limit(list.size()), Improvement.class).map(ImprovementView::of).collectList();
        return Mono.zip(items, mongo.count(query, Improvement.class))
                .map(found -> list.page(found.getT1(), found.getT2()));
    }

    Mono<ImprovementView> find(String mallId, String id) {
        return store.find(mallId, id).map(ImprovementView::of);
    }

    Mono<ImprovementView> update(String mallId, String id, ImprovementController.Change change, String by) {
        return store.change(mallId, id, action -> action.update(change.plan(), change.owner(), change.dueOn(),
                change.status(), by, clock.instant())).map(ImprovementView::of);
    }
}
