package com.mallservicedesk.survey.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPublicationRulesTest {

    private static final Instant DUE = Instant.parse("2026-11-01T01:00:00Z");

    record Figures(int revision, long requests) implements DomainEvent {
        @Override
        public EventType eventType() {
            return MonthlyFiguresPublished.TYPE;
        }
    }

    private static PublicationFigures.Figures figures(long requests) {
        return new PublicationFigures.Figures("requests=" + requests, revision -> new Figures(revision, requests));
    }

    @Test
    void aPeriodIsPlannedWithATimerAtItsEndAndPublishesOnlyChangedFiguresEachAsTheNextRevision() {
        var publication = ReportPublication.plan("M001", ReportKinds.MONTHLY, "2026-10", DUE).aggregate();
        assertThat(publication.getId()).isEqualTo("pub-monthly-M001-2026-10");
        assertThat(publication.getTimerOutbox()).singleElement().satisfies(t -> {
            assertThat(t.timerId()).isEqualTo("report-publication:pub-monthly-M001-2026-10");
            assertThat(t.dueAt()).isEqualTo(DUE);
        });

        assertThat(publication.publish(figures(5), DUE)).containsExactly(new Figures(1, 5));
        assertThat(publication.publish(figures(5), DUE.plusSeconds(60))).isEmpty(); // a timer firing twice
        assertThat(publication.publish(figures(6), DUE.plusSeconds(3600))).containsExactly(new Figures(2, 6));
        assertThat(publication.getRevision()).isEqualTo(2);
    }

    @Test
    void aPublicationAskedForByHandGetsItsTimerWhenThePeriodStarts() {
        var publication = ReportPublication.plan("M001", ReportKinds.DAILY, "2026-11-26", null).aggregate();
        assertThat(publication.getTimerOutbox()).isEmpty();
        publication.planIfUnplanned(DUE);
        publication.planIfUnplanned(DUE.plusSeconds(5));
        assertThat(publication.getTimerOutbox()).singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(DUE));
    }

    @Test
    void weeksAreIsoWeeks() {
        assertThat(ReportKinds.week(java.time.LocalDate.of(2026, 10, 12))).isEqualTo("2026-W42");
        assertThat(ReportKinds.week(java.time.LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(ReportKinds.monday("2026-W42")).isEqualTo(java.time.LocalDate.of(2026, 10, 12));
    }
}
