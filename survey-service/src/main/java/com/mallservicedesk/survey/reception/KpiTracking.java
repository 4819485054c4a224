package com.mallservicedesk.survey.reception;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The two KPIs of seed 003 §監控指標 that intake decides per request (contract C6), counted into the month and day of
 * the event in the mall's zone: concluded complaints and those concluded with every clock of the complaint register
 * met (投訴處理及時率), reviewed consultations and those answered correctly (咨詢回復準確率). Each request counts once
 * per KPI, the first time its event is handled.
 */
@Service
class KpiTracking {

    static final String CONCLUDED = "kpi.complaints.concluded";
    static final String CONCLUDED_ON_TIME = "kpi.complaints.onTime";
    static final String REVIEWED = "kpi.consultations.reviewed";
    static final String REVIEWED_CORRECT = "kpi.consultations.correct";

    private static final Logger log = LoggerFactory.getLogger(KpiTracking.class);

    private final ReactiveMongoTemplate mongo;
    private final PeriodCounters counters;
    private final MallSettings settings;

    KpiTracking(ReactiveMongoTemplate mongo, PeriodCounters counters, MallSettings settings) {
        this.mongo = mongo;
        this.counters = counters;
        this.settings = settings;
    }

    Mono<Void> complaintConcluded(IncomingEvent event, IntakeRequestEvents.ComplaintConcluded complaint) {
        return count(event, "complaint", complaint.requestId(), complaint.concludedAt(),
                Boolean.TRUE.equals(complaint.onTime()), CONCLUDED, CONCLUDED_ON_TIME);
    }

    Mono<Void> consultationReviewed(IncomingEvent event, IntakeRequestEvents.ConsultationReviewed consultation) {
        return count(event, "consultation", consultation.requestId(), consultation.reviewedAt(),
                Boolean.TRUE.equals(consultation.correct()), REVIEWED, REVIEWED_CORRECT);
    }

    /**
     * Adds the request to its month and day, then marks it counted ({@link PeriodCounters#count}); a marked one adds
     * nothing.
     */
    private Mono<Void> count(IncomingEvent event, String kpi, String requestId, Instant at, boolean met, String total,
                             String good) {
        if (requestId == null) {
            log.warn("KPI event {} of mall {} has no request id: not counted", event.id(), event.mallId());
            return Mono.empty();
        }
        String mallId = event.mallId();
        Instant when = (at != null ? at : event.time()).truncatedTo(ChronoUnit.MILLIS);
        return settings.zoneOf(mallId).flatMap(zone -> {
            var local = when.atZone(zone);
            var marker = new CountedKpi(CountedKpi.key(kpi, mallId, requestId), mallId, requestId,
                    YearMonth.from(local).toString(), met, when);
            return mongo.exists(Query.query(Criteria.where("_id").is(marker.key())), CountedKpi.class)
                    .flatMap(counted -> counted ? Mono.<Void>empty()
                            : counters.count(event, new FigureMoves(mallId, zone)
                                    .at(local, new Tally().add(total, 1).add(good, met ? 1 : 0)),
                                    InsertOnce.into(mongo, marker)));
        });
    }
}
