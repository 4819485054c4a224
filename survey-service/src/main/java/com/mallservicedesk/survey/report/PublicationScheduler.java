package com.mallservicedesk.survey.report;

import com.mallservicedesk.survey.reception.PeriodWatcher;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Plans each period's publication when its first figures are counted: the month's figures after the month ends, the
 * supervisor's daily summary after the day and the weekly one after the week (Monday to Sunday, seed 002), each a
 * little later ({@code survey.reports.publish-after}) so late events still count. A period counted only after it
 * ended (a replay) is published that long after its first figures.
 */
@Component
class PublicationScheduler implements PeriodWatcher {


    private final Publications publications;
    private final Clock clock;
    private final Duration after;

    PublicationScheduler(Publications publications, Clock clock,
                         @Value("${survey.reports.publish-after:PT1H}") Duration after) {
        this.publications = publications;
        this.clock = clock;
        this.after = after;
    }

    @Override
    public Mono<Void> monthStarted(String mallId, YearMonth month, ZoneId zone) {
        return publications.plan(mallId, ReportKinds.MONTHLY, month.toString(),
                due(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }

    @Override
    public Mono<Void> dayStarted(String mallId, LocalDate day, ZoneId zone) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return publications.plan(mallId, ReportKinds.DAILY, day.toString(),
                        due(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .then(publications.plan(mallId, ReportKinds.WEEKLY, ReportKinds.week(monday),
                        due(monday.plusWeeks(1).atStartOfDay(zone).toInstant())));
    }

    private Instant due(Instant periodEnd) {
        Instant now = clock.instant();
        return (periodEnd.isAfter(now) ? periodEnd : now).plus(after);
    }
}
