package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.survey.settings.KnownMalls;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Each mall's latest closed survey and its overall satisfaction, kept by mall for the gauges. */
@Component
public class LatestSurveyResults {

    private final ReactiveMongoTemplate mongo;
    private final KnownMalls malls;

    LatestSurveyResults(ReactiveMongoTemplate mongo, KnownMalls malls) {
        this.mongo = mongo;
        this.malls = malls;
    }

    /** @param overall overall satisfaction in percent, null without responses */
    @Document("survey_latest_results")
    public record Latest(@Id String mallId, String surveyId, String period, Double overall, Instant closedAt) {

        /** As a ratio 0..1 for gauges. */
        public Double ratio() {
            return overall == null ? null : Math.round(overall * 10) / 1000.0;
        }
    }

    /** Keeps the survey if it is the mall's latest period (a late close of an older survey does not replace it). */
    Mono<Void> closed(SurveyCampaign campaign) {
        var latest = new Latest(campaign.getMallId(), campaign.getId(), campaign.getPeriod(), campaign.results().overall(),
                campaign.getClosedAt());
        return mongo.findById(campaign.getMallId(), Latest.class)
                .filter(stored -> stored.period().compareTo(campaign.getPeriod()) > 0)
                .hasElement()
                .flatMap(newerStored -> newerStored ? Mono.empty() : mongo.save(latest).then())
                .then(malls.remember(campaign.getMallId()));
    }

    /** The malls' latest surveys, by mall (none for a mall without a closed survey): one read for them all. */
    public Mono<Map<String, Latest>> of(Collection<String> mallIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(mallIds)), Latest.class).collectMap(Latest::mallId);
    }
}
