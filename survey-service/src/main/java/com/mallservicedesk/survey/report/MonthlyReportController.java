package com.mallservicedesk.survey.report;

import com.mallservicedesk.survey.period.Periods;
import java.time.YearMonth;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The monthly reception report (客服接待月报表, seed 000 §4.11) as JSON or as an XLSX workbook. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/reports/monthly")
class MonthlyReportController {

    private final MonthlyReports reports;
    private final Publications publications;

    MonthlyReportController(MonthlyReports reports, Publications publications) {
        this.reports = reports;
        this.publications = publications;
    }

    /** @param month {@code yyyy-MM}; defaults to the current month in the mall's time zone */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<MonthlyReport> json(@PathVariable String mallId, @RequestParam(required = false) String month) {
        return monthOrCurrent(mallId, month).flatMap(m -> reports.report(mallId, m));
    }

    @GetMapping(produces = MonthlyReportWorkbook.MEDIA_TYPE)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<ResponseEntity<byte[]>> workbook(@PathVariable String mallId, @RequestParam(required = false) String month) {
        return monthOrCurrent(mallId, month).flatMap(m -> reports.report(mallId, m))
                .publishOn(Schedulers.boundedElastic())
                .map(report -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(MonthlyReportWorkbook.MEDIA_TYPE))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("monthly-report-" + mallId + "-" + report.month() + ".xlsx").build().toString())
                        .body(MonthlyReportWorkbook.write(report)));
    }

    /** Publishes the month's figures now ({@code mall.survey.satisfaction.monthly.v1}), without waiting for its end. */
    @PostMapping("/{month}/publish")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<PublicationView> publish(@PathVariable String mallId, @PathVariable String month) {
        return Mono.fromCallable(() -> Periods.month("month", month))
                .flatMap(m -> publications.publish(mallId, ReportKinds.MONTHLY, m.toString())).map(PublicationView::of);
    }

    /** A month from 2000 to 2099 ({@link Periods}), or the mall's current one. */
    private Mono<YearMonth> monthOrCurrent(String mallId, String month) {
        return month != null ? Mono.fromCallable(() -> Periods.month("month", month)) : reports.currentMonth(mallId);
    }
}
