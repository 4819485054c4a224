package com.mallservicedesk.survey.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** A month's reception figures are the sum of its days and what has no day; the earlier layout is converted once. */
class ReceptionMonthsTest extends SurveyIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private PeriodCounters counters;
    @Autowired
    private ReceptionFigures figures;
    @Autowired
    private ReceptionMonthsLayout layout;

    private final String mall = newMall();

    @Test
    @DisplayName("an event is written to its day only; the month adds up its days and what was counted without a day")
    void aMonthIsItsDaysAndWhatHasNoDay() {
        count("2026-08", "2026-08-03", 2);
        count("2026-08", "2026-08-20", 1);
        count("2026-08", null, 4);
        count("2026-09", "2026-09-01", 8);

        assertThat(figures.month(mall, YearMonth.of(2026, 8)).block().get("requests.total")).isEqualTo(7);
        assertThat(figures.day(mall, LocalDate.of(2026, 8, 3)).block().get("requests.total")).isEqualTo(2);
        assertThat(figures.month(mall, YearMonth.of(2026, 9)).block().get("requests.total")).isEqualTo(8);
        // The month's own document exists from its first day on, marked, and holds only what had no day.
        Document august = mongo.findById(mall + "|2026-08", Document.class, PeriodCounters.MONTHS).block();
        assertThat(august.getBoolean(PeriodCounters.DAYLESS)).isTrue();
        assertThat(august.get("requests", Document.class).get("total", Number.class).longValue()).isEqualTo(4);
        assertThat(mongo.findById(mall + "|2026-09", Document.class, PeriodCounters.MONTHS).block()).isNotNull();
    }

    @Test
    @DisplayName("a month stored in the earlier layout (days counted in it too) loses its days' sum once, however often converted")
    void anEarlierMonthIsConvertedOnce() {
        mongo.save(new Document("_id", mall + "|2026-07-02").append("mallId", mall).append("day", "2026-07-02")
                .append("requests", new Document("total", 3).append("byKind", new Document("REPAIR", 3))),
                PeriodCounters.DAYS).block();
        mongo.save(new Document("_id", mall + "|2026-07-30").append("mallId", mall).append("day", "2026-07-30")
                .append("requests", new Document("total", 1).append("byKind", new Document("REPAIR", 1))),
                PeriodCounters.DAYS).block();
        // Earlier layout: the month counted its days' 4 requests and 2 of records without a day.
        mongo.save(new Document("_id", mall + "|2026-07").append("mallId", mall).append("month", "2026-07")
                .append("requests", new Document("total", 6).append("byKind", new Document("REPAIR", 6))),
                PeriodCounters.MONTHS).block();
        forgetConverted();

        assertThat(layout.convert().block()).isEqualTo(1);
        assertThat(figures.month(mall, YearMonth.of(2026, 7)).block().get("requests.total")).isEqualTo(6);
        assertThat(figures.month(mall, YearMonth.of(2026, 7)).block().get("requests.byKind.REPAIR")).isEqualTo(6);

        assertThat(layout.convert().block()).isZero();
        forgetConverted();
        assertThat(layout.convert().block()).isZero();
        assertThat(figures.month(mall, YearMonth.of(2026, 7)).block().get("requests.total")).isEqualTo(6);
    }

    private void count(String month, String day, long requests) {
        var event = new IncomingEvent(UUID.randomUUID().toString(), "mall.intake.request.registered.v1",
                "intake-service", null, mall, null, Instant.now(), "intake.requests.v1", "{}");
        counters.count(event, new FigureMoves(mall, ZONE).in(month, day, new Tally().add("requests.total", requests)),
                Mono.empty()).block();
    }

    private void forgetConverted() {
        mongo.remove(Query.query(Criteria.where("_id").is(ReceptionMonthsLayout.MONTHS_HOLD_DAYLESS_ONLY)),
                PeriodCounters.MONTHS).block();
    }
}
