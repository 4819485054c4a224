package com.mallservicedesk.survey.summary;

import com.mallservicedesk.survey.report.PublicationFigures;
import com.mallservicedesk.survey.report.ReportKinds;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the daily and weekly publications publish: the supervisor summaries. */
final class SummaryPublicationFigures {

    private SummaryPublicationFigures() {
    }

    @Component
    static class Daily implements PublicationFigures {

        private final SupervisorSummaries summaries;

        Daily(SupervisorSummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public String kind() {
            return ReportKinds.DAILY;
        }

        @Override
        public Mono<Figures> figures(String mallId, String period) {
            return summaries.daily(mallId, LocalDate.parse(period)).map(s -> new Figures(withoutOpenNow(s),
                    revision -> new SummaryPublished.Daily(mallId, period, revision, s)));
        }
    }

    @Component
    static class Weekly implements PublicationFigures {

        private final SupervisorSummaries summaries;

        Weekly(SupervisorSummaries summaries) {
            this.summaries = summaries;
        }

        @Override
        public String kind() {
            return ReportKinds.WEEKLY;
        }

        @Override
        public Mono<Figures> figures(String mallId, String period) {
            return summaries.weekly(mallId, period).map(s -> new Figures(withoutOpenNow(s),
                    revision -> new SummaryPublished.Weekly(mallId, period, revision, s)));
        }
    }

    /** The open items now move all the time: only the period's own figures decide whether to publish again. */
    static String withoutOpenNow(SupervisorSummary s) {
        return new SupervisorSummary(s.mallId(), s.period(), s.from(), s.to(), s.repairs(), s.complaints(), s.others(),
                s.workOrdersCompleted(), s.averageWorkMinutes(), s.complaintsHandled(), s.complaintsHandledOnTime(),
                s.slaBreaches(), s.slaBreachesByRule(), s.escalations(), s.claimsOpened(), null).toString();
    }
}
