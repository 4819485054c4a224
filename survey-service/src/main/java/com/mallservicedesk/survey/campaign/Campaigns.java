package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.survey.directory.TenantDirectory;
import com.mallservicedesk.survey.improvement.Improvements;
import com.mallservicedesk.survey.improvement.ItemBelowTarget;
import com.mallservicedesk.survey.settings.MallSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Survey campaigns: opened with a sample drawn from the tenant directory, answered, closed, evaluated. */
@Service
class Campaigns {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final AggregateStore<SurveyCampaign> store;
    private final ReactiveMongoTemplate mongo;
    private final TenantDirectory directory;
    private final MallSettings settings;
    private final Improvements improvements;
    private final LatestSurveyResults latest;
    private final Clock clock;

    Campaigns(AggregateStores stores, ReactiveMongoTemplate mongo, TenantDirectory directory, MallSettings settings,
              Improvements improvements, LatestSurveyResults latest, Clock clock) {
        this.store = stores.of(SurveyCampaign.class, "survey");
        this.mongo = mongo;
        this.directory = directory;
        this.settings = settings;
        this.improvements = improvements;
        this.latest = latest;
        this.clock = clock;
    }

    Mono<SurveyCampaign> open(String mallId, CampaignController.OpenCampaign request, String by) {
        SurveyPeriod period = SurveyPeriod.parse(request.period());
        List<SurveyItem> formA = items(request.formAItems(), DefaultItems.FORM_A);
        List<SurveyItem> formB = items(request.formBItems(), DefaultItems.FORM_B);
        List<String> departments = request.departments() == null || request.departments().isEmpty()
                ? DefaultItems.DEPARTMENTS : request.departments();
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong();
        return Mono.zip(settings.zoneOf(mallId), directory.storesOf(mallId).collectList())
                .flatMap(t -> {
                    ZoneId zone = t.getT1();
                    var plan = new SurveyCampaign.Plan(period, zone, request.sampleSize(),
                            request.typicalTenants() == null ? List.of() : request.typicalTenants(), departments, formA,
                            formB, seed);
                    return store.create(SurveyCampaign.open(mallId, plan, t.getT2(), by, clock.instant()))
                            .switchIfEmpty(Mono.error(() -> ApiException.conflict("survey-exists", period.toString(),
                                    SurveyCampaign.idFor(mallId, period))));
                });
    }

    Mono<SurveyCampaign> find(String mallId, String id) {
        return store.find(mallId, id);
    }

    /** A page of the mall's campaigns (a query by mall on the index mall_period; a mall has two a year). */
    Mono<PageView<CampaignSummary>> ofMall(String mallId, ListQuery list) {
        Query query = Query.query(Criteria.where("mallId").is(mallId));
        Mono<List<CampaignSummary>> items = mongo.find(Query.of(query).with(list.sort()).skip(list.offset())
                .limit(list.size()), SurveyCampaign.class).map(CampaignSummary::of).collectList();
        return Mono.zip(items, mongo.count(query, SurveyCampaign.class))
                .map(found -> list.page(found.getT1(), found.getT2()));
    }

    /** Department staff return their own department's form B only; the desk and supervisors enter any collected form. */
    Mono<SurveyCampaign> respond(String mallId, String id, CampaignController.ReturnedForm form, PlatformUser user) {
        boolean staffOnly = user.has(Role.DEPT_STAFF) && !user.has(Role.FRONT_DESK) && !user.has(Role.SUPERVISOR)
                && !user.has(Role.MANAGER);
        if (staffOnly && !form.respondentId().equals(user.department())) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "survey-not-your-department", form.respondentId()));
        }
        return store.change(mallId, id, campaign -> campaign.respond(form.respondentId(), form.answers(),
                form.comment(), user.id(), clock.instant()));
    }

    /** Closes by hand; closing a closed campaign changes nothing and makes sure its improvement actions exist. */
    Mono<SurveyCampaign> close(String mallId, String id, String by) {
        return store.change(mallId, id, campaign -> campaign.close(by, clock.instant()))
                .flatMap(campaign -> afterClose(campaign).thenReturn(campaign));
    }

    /** The period ended (the campaign's timer). */
    Mono<Void> closeAtPeriodEnd(String mallId, String id) {
        return store.changeIfPresent(mallId, id, campaign -> campaign.close(null, clock.instant()))
                .flatMap(this::afterClose);
    }

    /** What a close leads to; run again on a repeated close, so a crash after the close is repaired by closing again. */
    private Mono<Void> afterClose(SurveyCampaign campaign) {
        return openImprovements(campaign).then(latest.closed(campaign));
    }

    private Mono<Void> openImprovements(SurveyCampaign campaign) {
        SurveyResults results = campaign.results();
        List<ItemBelowTarget> below = new ArrayList<>();
        for (SurveyResults.FormResult form : results.forms()) {
            for (SurveyResults.ItemResult item : results.itemsBelowTarget(form.form())) {
                below.add(new ItemBelowTarget(campaign.getId(), campaign.getPeriod(), form.form(), item.code(),
                        item.title(), item.department(), item.satisfaction(), results.target(), campaign.getClosedAt(),
                        ZoneId.of(campaign.getZone())));
            }
        }
        return improvements.openFor(campaign.getMallId(), below);
    }

    private static List<SurveyItem> items(List<SurveyItem> given, List<SurveyItem> defaults) {
        if (given == null || given.isEmpty()) {
            return defaults;
        }
        var codes = new HashSet<String>();
        for (SurveyItem item : given) {
            if (!codes.add(item.code())) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-item-duplicate", item.code());
            }
        }
        return List.copyOf(given);
    }
}
