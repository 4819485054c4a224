package com.mallservicedesk.survey.platform;

import java.time.Instant;
import java.util.List;

/**
 * Every mall's monthly KPIs side by side, for the platform's operators, a page of malls at a time ({@code items},
 * {@code page}, {@code size}, {@code total} malls) in mall-id order. Rates in percent with one decimal.
 */
public record PlatformMonthlyReport(String month, Instant generatedAt, List<MallKpis> items, int page, int size,
                                    long total) {

    /**
     * The same KPIs for every mall (seed 003 §監控指標 plus the monthly report's headline figures):
     * {@code complaintTimelinessRate} from complaint work orders without a service-level breach,
     * {@code complaintHandlingTimelinessRate} and {@code consultationReplyAccuracy} from intake's complaint register and
     * reply checks (contract C6).
     */
    public record MallKpis(String mallId, String zone, long requests, long complaints, Double complaintTimelinessRate,
                           long slaBreaches, long completedWorkOrders, Double averageWorkMinutes, Double callbackRate,
                           Boolean callbackRateMet, Double callbackSatisfactionRate, Boolean satisfactionRateMet,
                           Double respondentSatisfaction, long openRequests, long overdueWorkOrdersNow,
                           long claimsOpened, long claimsSettled, Double complaintHandlingTimelinessRate,
                           Double consultationReplyAccuracy) {
    }
}
