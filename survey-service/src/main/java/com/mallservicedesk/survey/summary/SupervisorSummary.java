package com.mallservicedesk.survey.summary;

import java.time.LocalDate;
import java.util.Map;

/**
 * The customer-service supervisor's summary of a day or a week (seed 002 每日/每周固化工作: repairs, complaints and
 * other requests and how they are followed up).
 *
 * @param period {@code 2026-11-25} for a day, {@code 2026-W48} for a week
 */
public record SupervisorSummary(String mallId, String period, LocalDate from, LocalDate to, Group repairs,
                                Group complaints, Group others, long workOrdersCompleted, Double averageWorkMinutes,
                                long complaintsHandled, long complaintsHandledOnTime, long slaBreaches,
                                Map<String, Long> slaBreachesByRule, long escalations, long claimsOpened,
                                OpenNow openNow) {

    /** Requests of one kind received in the period and what became of them so far. */
    public record Group(long received, long answeredOnSpot, long closedAfterCallback, long cancelled, long merged,
                        long stillOpen) {
    }

    /** The mall's open items at the time of the summary. */
    public record OpenNow(long repairs, long complaints, long otherRequests, long workOrders, long overdueWorkOrders) {
    }
}
