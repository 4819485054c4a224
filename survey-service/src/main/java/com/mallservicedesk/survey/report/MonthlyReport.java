package com.mallservicedesk.survey.report;

import com.mallservicedesk.survey.formula.SatisfactionFormulas;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The monthly reception report (客服接待月报表, seed 000 §4.11) of one mall. Rates are percentages with one decimal,
 * null when there is nothing to divide by; minutes are minutes.
 */
public record MonthlyReport(String mallId, String month, String zone, Instant generatedAt, Requests requests,
                            Complaints complaints, ServiceLevels serviceLevels, WorkTime workTime, Callbacks callbacks,
                            OpenItems openItems, Claims claims, Kpis kpis, List<String> analysis) {

    /** @param byChannelAndKind channel → kind → requests */
    public record Requests(long total, long previousMonthTotal, Map<String, Long> byChannel, Map<String, Long> byKind,
                           Map<String, Map<String, Long>> byChannelAndKind) {
    }

    /**
     * Complaints received in the month and what became of them; {@code handled} complaint orders first completed in
     * the month, {@code handledOnTime} those without a complaint service-level breach (seed 003 §監控指標).
     */
    public record Complaints(long received, long answeredOnSpot, long closedAfterCallback, long cancelled, long merged,
                             long stillOpen, long handled, long handledOnTime, Double timelinessRate) {
    }

    public record ServiceLevels(long breaches, Map<String, Long> byRule, Map<String, Long> byDepartment,
                                Map<String, Map<String, Long>> byRuleAndDepartment, long escalations) {
    }

    /** Work time from order to completion per request (seed 001 §二.4), of orders completed in the month. */
    public record WorkTime(long completed, Double averageMinutes, Map<String, DepartmentWork> byDepartment, long reopened) {
    }

    public record DepartmentWork(long completed, Double averageMinutes) {
    }

    /**
     * Callback figures as callback-service reported them ({@code reportedByCallbackService} false while it has not),
     * and survey's own respondent-formula satisfaction of the answered callbacks (seed 000 §4.5.1).
     */
    public record Callbacks(boolean reportedByCallbackService, long completionsNeedingCallback, long callbacksDone,
                            long callbacksOnTime, Double callbackRate, Double callbackRateTarget, Boolean callbackRateMet,
                            Double satisfactionRate, Double satisfactionTarget, Boolean satisfactionRateMet,
                            Double timelinessRate, Double attitudeRate, Double qualityRate, long unreachable,
                            long answered, Double respondentSatisfaction, Double allAspectsSatisfiedRate) {
    }

    /** Items still open: of those received or created in the month, and of the whole mall now. */
    public record OpenItems(long requestsFromMonth, long workOrdersFromMonth, long overdueWorkOrdersFromMonth,
                            long requestsNow, long workOrdersNow, long overdueWorkOrdersNow, long claimsNow,
                            Map<String, DepartmentOpen> byDepartmentNow) {
    }

    public record DepartmentOpen(long open, long overdue) {
    }

    public record Claims(long opened, long settled, long closedWithoutClaim, long openNow) {
    }

    /**
     * The KPIs of seed 003 §監控指標 that intake decides per request (contract C6), of the month in the mall's zone.
     */
    public record Kpis(ComplaintHandling complaintHandling, ConsultationReplies consultationReplies) {

        /** From the month's counts; a rate is null when there is nothing to count. */
        public static Kpis of(long concluded, long onTime, long reviewed, long correct) {
            return new Kpis(new ComplaintHandling(concluded, onTime, SatisfactionFormulas.percent(onTime, concluded)),
                    new ConsultationReplies(reviewed, correct, SatisfactionFormulas.percent(correct, reviewed)));
        }
    }

    /**
     * 投訴處理及時率: complaints concluded in the month ({@code concludedAt}) and those with every clock of the complaint
     * register met; {@code timelinessRate} = on time ÷ concluded, in percent.
     */
    public record ComplaintHandling(long concluded, long onTime, Double timelinessRate) {
    }

    /**
     * 咨詢回復準確率: consultation replies checked in the month ({@code reviewedAt}) and those found correct;
     * {@code accuracyRate} = correct ÷ reviewed, in percent.
     */
    public record ConsultationReplies(long reviewed, long correct, Double accuracyRate) {
    }

    MonthlyReport withKpis(Kpis figures) {
        return new MonthlyReport(mallId, month, zone, generatedAt, requests, complaints, serviceLevels, workTime,
                callbacks, openItems, claims, figures, analysis);
    }

    MonthlyReport withAnalysis(List<String> paragraphs) {
        return new MonthlyReport(mallId, month, zone, generatedAt, requests, complaints, serviceLevels, workTime,
                callbacks, openItems, claims, kpis, paragraphs);
    }
}
