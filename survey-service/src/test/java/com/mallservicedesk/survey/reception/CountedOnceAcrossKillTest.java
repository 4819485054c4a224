package com.mallservicedesk.survey.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.IncrementsOnce;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * An event whose handler was killed after moving the figures and before storing its own record of the event comes
 * again and moves the same figures: they count it once, whatever other events moved them in between.
 */
class CountedOnceAcrossKillTest extends SurveyIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 10, 12);

    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private PeriodCounters counters;
    @Autowired
    private ReceptionFigures figures;

    private final String mall = newMall();

    private IncomingEvent event() {
        return new IncomingEvent(UUID.randomUUID().toString(), "mall.intake.request.registered.v1", "intake-service",
                null, mall, null, Instant.now(), "intake.requests.v1", "{}");
    }

    /** What a registration moves: the day's requests and the open items. */
    private FigureMoves registration() {
        return new FigureMoves(mall, ZONE).in("2026-10", DAY.toString(), new Tally().add("requests.total", 1))
                .open(new Tally().add("requests.open", 1));
    }

    private Document day() {
        return mongo.findById(mall + "|" + DAY, Document.class, PeriodCounters.DAYS).block();
    }

    @Test
    @DisplayName("killed between the figures and the record, the event comes again and counts once")
    void aRepeatAfterAKillBeforeTheRecordCountsOnce() {
        IncomingEvent first = event();
        assertThatThrownBy(() -> counters.count(first, registration(),
                Mono.error(new IllegalStateException("killed before the record was stored"))).block())
                .hasMessageContaining("killed");
        assertThat(figures.day(mall, DAY).block().get("requests.total")).isEqualTo(1);

        counters.count(first, registration(), Mono.empty()).block();

        assertThat(figures.day(mall, DAY).block().get("requests.total")).isEqualTo(1);
        assertThat(figures.openItems(mall).block().get("requests.open")).isEqualTo(1);

        IncomingEvent second = event();
        counters.count(second, registration(), Mono.empty()).block();
        assertThat(figures.day(mall, DAY).block().get("requests.total")).isEqualTo(2);
        assertThat(figures.openItems(mall).block().get("requests.open")).isEqualTo(2);
        // Once recorded, an event's note goes with the next write: the day keeps notes of events in flight only.
        assertThat(day().get(IncrementsOnce.COUNTED, Document.class).keySet()).containsExactly(second.id());
    }

    @Test
    @DisplayName("events counted between the kill and the repeat do not make the figures forget the unrecorded one")
    void theNoteOfAnUnrecordedEventOutlivesOtherEvents() {
        IncomingEvent killed = event();
        assertThatThrownBy(() -> counters.count(killed, registration(), Mono.error(new IllegalStateException("killed")))
                .block()).hasMessageContaining("killed");
        for (int i = 0; i < 3; i++) {
            counters.count(event(), registration(), Mono.empty()).block();
        }

        counters.count(killed, registration(), Mono.empty()).block();

        assertThat(figures.day(mall, DAY).block().get("requests.total")).isEqualTo(4);
        assertThat(figures.openItems(mall).block().get("requests.open")).isEqualTo(4);
    }
}
