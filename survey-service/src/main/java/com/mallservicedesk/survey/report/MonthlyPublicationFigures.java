package com.mallservicedesk.survey.report;

import java.time.YearMonth;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the monthly publication publishes: the month's KPIs from the monthly report. */
@Component
class MonthlyPublicationFigures implements PublicationFigures {

    private final MonthlyReports reports;

    MonthlyPublicationFigures(MonthlyReports reports) {
        this.reports = reports;
    }

    @Override
    public String kind() {
        return ReportKinds.MONTHLY;
    }

    @Override
    public Mono<Figures> figures(String mallId, String period) {
        return reports.report(mallId, YearMonth.parse(period)).map(report -> new Figures(
                MonthlyFiguresPublished.of(report, 0).toString(),
                revision -> MonthlyFiguresPublished.of(report, revision)));
    }
}
