package com.mallservicedesk.survey.report;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;

/**
 * {@code mall.survey.satisfaction.monthly.v1}: a mall's monthly KPIs, published after the month ends (and again, with
 * the next revision, if its figures change later). Rates are percentages with one decimal, null without data. The
 * last four fields are the seed 003 §監控指標 KPIs from intake's complaint register and reply checks (contract C6).
 */
record MonthlyFiguresPublished(String mallId, String month, int revision, long requests, long complaints,
                               long complaintsHandled, Double complaintTimelinessRate, long slaBreaches,
                               long completedWorkOrders, Double averageWorkMinutes, Double callbackRate,
                               Double callbackRateTarget, Boolean callbackRateMet, Double callbackSatisfactionRate,
                               Double satisfactionTarget, Boolean satisfactionRateMet, Double respondentSatisfaction,
                               long openRequests, long overdueWorkOrders, long claimsOpened, long claimsSettled,
                               long complaintsConcluded, Double complaintHandlingTimelinessRate,
                               long consultationsReviewed, Double consultationReplyAccuracy)
        implements DomainEvent {

    static final EventType TYPE = new EventType("mall.survey.satisfaction.monthly.v1", "survey.satisfaction.v1");

    @Override
    public EventType eventType() {
        return TYPE;
    }

    static MonthlyFiguresPublished of(MonthlyReport r, int revision) {
        return new MonthlyFiguresPublished(r.mallId(), r.month(), revision, r.requests().total(), r.complaints().received(),
                r.complaints().handled(), r.complaints().timelinessRate(), r.serviceLevels().breaches(),
                r.workTime().completed(), r.workTime().averageMinutes(), r.callbacks().callbackRate(),
                r.callbacks().callbackRateTarget(), r.callbacks().callbackRateMet(), r.callbacks().satisfactionRate(),
                r.callbacks().satisfactionTarget(), r.callbacks().satisfactionRateMet(),
                r.callbacks().respondentSatisfaction(), r.openItems().requestsFromMonth(),
                r.openItems().overdueWorkOrdersFromMonth(), r.claims().opened(), r.claims().settled(),
                r.kpis().complaintHandling().concluded(), r.kpis().complaintHandling().timelinessRate(),
                r.kpis().consultationReplies().reviewed(), r.kpis().consultationReplies().accuracyRate());
    }
}
