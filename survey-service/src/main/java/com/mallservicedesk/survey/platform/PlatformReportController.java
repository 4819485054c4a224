package com.mallservicedesk.survey.platform;

import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.survey.period.Periods;
import com.mallservicedesk.survey.report.MonthlyReport;
import com.mallservicedesk.survey.report.MonthlyReports;
import com.mallservicedesk.survey.settings.KnownMalls;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Platform-wide monthly report (CONTRACT: platform-wide reports under {@code /api/v1/platform/…}). The kit's security
 * lets any valid token reach {@code /api/**} outside a mall's path; the role check here makes it PLATFORM_ADMIN only.
 */
@RestController
class PlatformReportController {

    private final KnownMalls malls;
    private final MonthlyReports reports;
    private final Clock clock;

    PlatformReportController(KnownMalls malls, MonthlyReports reports, Clock clock) {
        this.malls = malls;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * @param month {@code yyyy-MM}, each mall's month in its own time zone; defaults to the current month in UTC
     * @param page  a page of malls (the platform's paging convention, 50 malls by default): each mall's report is seven
     *              reads, so one request never assembles every mall's
     */
    @GetMapping("/api/v1/platform/reports/monthly")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Mono<PlatformMonthlyReport> monthly(@RequestParam(required = false) String month,
                                        @RequestParam(defaultValue = "0") String page,
                                        @RequestParam(defaultValue = "50") String size, PlatformUser user) {
        // Every mall side by side is for operators of the whole platform; one limited to some malls reads those malls'
        // own monthly reports instead.
        if (!user.malls().contains(PlatformUser.ALL_MALLS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "platform-report-needs-every-mall");
        }
        ListQuery paging = ListQuery.of(page, size);
        YearMonth which = month != null ? Periods.month("month", month)
                : YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        Mono<java.util.List<PlatformMonthlyReport.MallKpis>> rows = malls.page(paging.offset(), paging.size())
                .concatMap(mallId -> reports.report(mallId, which))
                .map(PlatformReportController::kpis)
                .collectList();
        return Mono.zip(rows, malls.count()).map(found -> new PlatformMonthlyReport(which.toString(), clock.instant(),
                found.getT1(), paging.page(), paging.size(), found.getT2()));
    }

    private static PlatformMonthlyReport.MallKpis kpis(MonthlyReport r) {
        return new PlatformMonthlyReport.MallKpis(r.mallId(), r.zone(), r.requests().total(), r.complaints().received(),
                r.complaints().timelinessRate(), r.serviceLevels().breaches(), r.workTime().completed(),
                r.workTime().averageMinutes(), r.callbacks().callbackRate(), r.callbacks().callbackRateMet(),
                r.callbacks().satisfactionRate(), r.callbacks().satisfactionRateMet(), r.callbacks().respondentSatisfaction(),
                r.openItems().requestsFromMonth(), r.openItems().overdueWorkOrdersNow(), r.claims().opened(),
                r.claims().settled(), r.kpis().complaintHandling().timelinessRate(),
                r.kpis().consultationReplies().accuracyRate());
    }
}
