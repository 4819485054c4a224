package com.mallservicedesk.survey.summary;

import com.mallservicedesk.survey.report.MonthlyReports;
import com.mallservicedesk.survey.report.PublicationView;
import com.mallservicedesk.survey.report.Publications;
import com.mallservicedesk.survey.report.ReportKinds;
import com.mallservicedesk.survey.period.Periods;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The supervisor's daily and weekly summaries (seed 002). */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/reports")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class SummaryController {

    private final SupervisorSummaries summaries;
    private final Publications publications;
    private final MonthlyReports reports;

    SummaryController(SupervisorSummaries summaries, Publications publications, MonthlyReports reports) {
        this.summaries = summaries;
        this.publications = publications;
        this.reports = reports;
    }

    /** @param date {@code yyyy-MM-dd}; defaults to today in the mall's time zone */
    @GetMapping("/daily")
    Mono<SupervisorSummary> daily(@PathVariable String mallId, @RequestParam(required = false) String date) {
        return dayOrToday(mallId, date).flatMap(d -> summaries.daily(mallId, d));
    }

    /** @param week {@code 2026-W48} (ISO week, Monday to Sunday); defaults to this week */
    @GetMapping("/weekly")
    Mono<SupervisorSummary> weekly(@PathVariable String mallId, @RequestParam(required = false) String week) {
        Mono<String> which = week != null ? Mono.fromCallable(() -> ReportKinds.week(Periods.monday(week)))
                : dayOrToday(mallId, null).map(ReportKinds::week);
        return which.flatMap(w -> summaries.weekly(mallId, w));
    }

    @PostMapping("/daily/{date}/publish")
    Mono<PublicationView> publishDay(@PathVariable String mallId, @PathVariable String date) {
        return Mono.fromCallable(() -> Periods.day("date", date))
                .flatMap(d -> publications.publish(mallId, ReportKinds.DAILY, d.toString())).map(PublicationView::of);
    }

    @PostMapping("/weekly/{week}/publish")
    Mono<PublicationView> publishWeek(@PathVariable String mallId, @PathVariable String week) {
        return Mono.fromCallable(() -> ReportKinds.week(Periods.monday(week)))
                .flatMap(w -> publications.publish(mallId, ReportKinds.WEEKLY, w)).map(PublicationView::of);
    }

    /** A day from 2000 to 2099 ({@link Periods}), or the mall's today. */
    private Mono<LocalDate> dayOrToday(String mallId, String date) {
        return date != null ? Mono.fromCallable(() -> Periods.day("date", date)) : reports.today(mallId);
    }
}
