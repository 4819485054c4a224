package com.mallservicedesk.survey.report;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The publication of one mall's report of one period (a month's figures, a day's or a week's supervisor summary) on
 * {@code survey.satisfaction.v1}. It is planned when the period's first figures are counted, with a durable timer at
 * the period's end, and publishes again (a new revision) only when the figures changed since the last time.
 */
@Document("report_publications")
public class ReportPublication implements OutboxCarrier {

    static final String TIMER_KIND = "report-publication";

    @Id
    private String id;
    private String mallId;
    private String kind;
    private String period;
    private Instant dueAt;
    private int revision;
    private String fingerprint;
    private Instant publishedAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    ReportPublication() {
    }

    static String idFor(String kind, String mallId, String period) {
        return "pub-" + kind.toLowerCase() + "-" + mallId + "-" + period;
    }

    /** @param dueAt when to publish by itself; null for a publication asked for by hand only */
    static Created<ReportPublication> plan(String mallId, String kind, String period, Instant dueAt) {
        var publication = new ReportPublication();
        publication.id = idFor(kind, mallId, period);
        publication.mallId = mallId;
        publication.kind = kind;
        publication.period = period;
        publication.dueAt = dueAt;
        publication.scheduleAt(dueAt);
        return Created.of(publication);
    }

    /** A publication first asked for by hand gets its timer when the period's figures start after all. */
    List<DomainEvent> planIfUnplanned(Instant due) {
        if (dueAt == null) {
            scheduleAt(due);
        }
        return List.of();
    }

    private void scheduleAt(Instant due) {
        dueAt = due;
        if (due != null) {
            timerOutbox.add(PendingTimer.schedule(TIMER_KIND + ":" + id, TIMER_KIND, id, due, Map.of()));
        }
    }

    boolean planned() {
        return dueAt != null;
    }

    /** Publishes the figures unless exactly these were published last (a timer may fire twice). */
    List<DomainEvent> publish(PublicationFigures.Figures figures, Instant now) {
        if (figures.fingerprint().equals(fingerprint)) {
            return List.of();
        }
        revision++;
        fingerprint = figures.fingerprint();
        publishedAt = now;
        return List.of(figures.event().apply(revision));
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getKind() { return kind; }
    public String getPeriod() { return period; }
    public Instant getDueAt() { return dueAt; }
    public int getRevision() { return revision; }
    public Instant getPublishedAt() { return publishedAt; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }

    @Override
    public List<PendingTimer> getTimerOutbox() {
        return timerOutbox;
    }
}
